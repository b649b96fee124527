"""The search app's own tables: what the engine missed, the database backend's French
index (terms, vocabulary, narrow product rows), the staff's synonyms and the weekly query
counts."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")


class PendingIndexUpdate(models.Model):
    """An object the engine missed (it was unreachable): indexed again by `search_catch_up`.

    The database backend, written in the same loop, never needs this: it fails with the
    transaction. Rows are few (one per object, whatever the number of misses).
    """

    backend = models.CharField(max_length=50)
    model = models.CharField(max_length=100)  # app_label.ModelName of the indexed proxy
    object_id = models.PositiveBigIntegerField()
    missed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mise à jour d'index en attente")
        verbose_name_plural = _("mises à jour d'index en attente")
        constraints = [
            models.UniqueConstraint(
                fields=["backend", "model", "object_id"], name="unique_pending_index_update"
            )
        ]

    def __str__(self) -> str:
        return f"{self.backend}: {self.model} #{self.object_id}"


class SearchTerm(models.Model):
    """A stemmed word of an indexed object, with the weight of the best field it is in.

    The database backend's own index (search.database_text): one row per object and word,
    looked up by word (and by word range for a prefix), the same on SQLite and PostgreSQL.
    """

    PRODUCT = 1
    SHOP = 2

    kind = models.PositiveSmallIntegerField()
    object_id = models.PositiveBigIntegerField()
    term = models.CharField(max_length=40)
    weight = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = _("mot indexé")
        verbose_name_plural = _("mots indexés")
        constraints = [
            models.UniqueConstraint(fields=["kind", "term", "object_id"], name="unique_search_term")
        ]
        indexes = [
            models.Index(fields=["kind", "object_id"], name="search_term_object"),
            # Covering the text match (search.database_match): the rows of a word's terms
            # are read from the index alone, without visiting the table.
            models.Index(fields=["kind", "term", "object_id", "weight"], name="search_term_match"),
        ]

    def __str__(self) -> str:
        return self.term


class SearchWord(models.Model):
    """A folded word seen while indexing: the vocabulary typos and "did you mean" are checked
    against. Never pruned: a word no longer indexed only costs a lookup that finds nothing."""

    word = models.CharField(max_length=40, unique=True)
    stem = models.CharField(max_length=40)

    class Meta:
        verbose_name = _("mot du vocabulaire")
        verbose_name_plural = _("mots du vocabulaire")

    def __str__(self) -> str:
        return self.word


class SearchSynonym(models.Model):
    """Words a shopper may use for one another ("bd, bande dessinée"), managed by staff."""

    terms = models.CharField(
        _("synonymes"),
        max_length=500,
        help_text=_(
            "Mots ou expressions équivalents, séparés par des virgules : « bd, bande dessinée »."
        ),
    )

    class Meta:
        verbose_name = _("synonyme de recherche")
        verbose_name_plural = _("synonymes de recherche")
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms

    def phrases(self) -> list[str]:
        return [phrase.strip() for phrase in self.terms.split(",") if phrase.strip()]

    def clean(self) -> None:
        if len(self.phrases()) < 2:
            raise ValidationError(
                {"terms": _("Indiquez au moins deux mots ou expressions séparés par une virgule.")}
            )


class SearchQueryWeek(models.Model):
    """How often shoppers searched for some words in a week, and how often nothing came back."""

    week = models.DateField(_("semaine du"))  # its Monday
    text = models.CharField(_("recherche"), max_length=200)
    searches = models.PositiveIntegerField(_("recherches"), default=0)
    without_results = models.PositiveIntegerField(_("sans résultat"), default=0)

    class Meta:
        verbose_name = _("recherche de la semaine")
        verbose_name_plural = _("recherches par semaine")
        constraints = [
            models.UniqueConstraint(fields=["week", "text"], name="unique_search_query_week")
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.week})"


class SearchProductRow(models.Model):
    """One indexed product as the database backend's filters and facets read it.

    Written with the French index (search.database_rows), one narrow row per indexed product:
    the facet passes group and filter this table alone instead of joining products, stock
    records and shops (80 to 130 ms a pass on 100,000 products). ``digest`` is the hash of the
    document it was written from: an unchanged document (10 in stock, then 9) is not written
    again, and cached counts stay warm.
    """

    product = models.OneToOneField(
        Product, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    partner_id = models.PositiveBigIntegerField()
    merchant_id = models.PositiveBigIntegerField()
    commune_code = models.CharField(max_length=10, blank=True)
    intercommunality_code = models.CharField(max_length=20, blank=True)
    offers_delivery = models.BooleanField()
    offers_click_collect = models.BooleanField()
    # In cents: the facets' price buckets compare integers (numeric comparisons were a
    # third of a 100,000-row pass).
    price_cents = models.BigIntegerField(null=True)
    in_stock = models.BooleanField()
    # The first category link's (the facets' one pass, while no product is in two).
    category_id = models.PositiveBigIntegerField(null=True)
    date_created = models.DateTimeField()
    digest = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("article indexé (filtres)")
        verbose_name_plural = _("articles indexés (filtres)")
        indexes = [
            models.Index(fields=["date_created", "product"], name="search_row_date"),
            models.Index(fields=["price_cents", "product"], name="search_row_price"),
            models.Index(fields=["commune_code"], name="search_row_commune"),
            models.Index(fields=["merchant_id"], name="search_row_merchant"),
            models.Index(fields=["category_id"], name="search_row_category"),
        ]

    def __str__(self) -> str:
        return str(self.product_id)
