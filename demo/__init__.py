"""Sample data of Cần Thơ for the embedded default: producers, products, certificates,
tourism villages, the page tree and local accounts (``manage.py load_demo_data``).

Place names are real; producers, products and certificates are invented. Every sample
decision number starts with ``MẪU-`` so it cannot pass for a real OCOP decision.
"""
