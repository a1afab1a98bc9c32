default_app_config = "customer.apps.CustomerConfig"
