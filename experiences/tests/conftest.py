from payments.fixtures import *  # noqa: F401,F403
