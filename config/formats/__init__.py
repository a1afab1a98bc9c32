"""Date and number formats per language, in front of Django's (FORMAT_MODULE_PATH).

Money is not here: Oscar's ``currency`` filter, configured by OSCAR_CURRENCY_FORMAT,
writes every price.
"""
