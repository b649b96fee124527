"""Merchants: communes, shops and (later) onboarding and the merchant back office."""
