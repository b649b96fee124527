import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    """Oscar's partner app, forked for French VAT on stock records."""

    name = "commerce.partner"
