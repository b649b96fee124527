"""The marketplace's side of checkout: basket groups by shop, fulfilment rules, the plan.

commerce knows partners, orders and stock; which shop delivers where, and when a pickup is
possible, are merchant rules, so they live here and are handed to commerce as a
commerce.order.plan.CheckoutPlan.
"""
