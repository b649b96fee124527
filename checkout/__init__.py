"""The marketplace checkout: one basket from several shops, one payment, one order per shop.

The shopper's side of buying, in one app: the basket page grouped by shop, the fulfilment
choice per shop (delivery to a commune, or click & collect with a slot), the priced plan,
the payment page and the confirmation, and the e-mails sent once orders are placed.

It sits between the shops (merchants: who delivers where, opening hours) and commerce
(orders, stock, Stripe), which it hands a frozen commerce.order.plan.CheckoutPlan.
"""
