"""The relevance set: French shopper queries over a fixed catalogue, with the intended result.

Shared by tests/integration/search/test_relevance.py (≥ 95 % top-5 on every backend) and
bench/search_bench.py (`--relevance`: the score per backend). A query's intended result is
an article title, or ``shop:<slug>`` when any article of that shop will do (a shop's or a
commune's name). Each query says which French difficulty it exercises.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.text import slugify
from oscar.core.loading import get_model

from search.models import SearchSynonym
from search.query import ProductQuery
from tests.factories import MerchantFactory, StockRecordFactory, category, commune

ProductCategory = get_model("catalogue", "ProductCategory")

# shop slug -> (name, INSEE code of its commune, [(title, category, description)])
CATALOGUE: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "fromagerie-lebrun": (
        "Fromagerie Lebrun",
        "61001",  # Alençon
        [
            ("Camembert de Normandie AOP", "Fromages", "Lait cru, moulé à la louche."),
            ("Fromage blanc battu", "Fromages", "Onctueux, au lait entier."),
            ("Livarot affiné", "Fromages", "Cinq semaines de cave."),
            ("Pont-l'Évêque fermier", "Fromages", "Pâte molle à croûte lavée."),
            ("Cœur de Neufchâtel", "Fromages", "En forme de cœur, croûte fleurie."),
            ("Plateau de fromages normands", "Fromages", "Quatre fromages du pays."),
            ("Beurre demi-sel à la motte", "Crèmerie", "Baratté à l'ancienne."),
            ("Crème fraîche épaisse", "Crèmerie", "Crème crue de Normandie."),
        ],
    ),
    "boulangerie-hebert": (
        "Boulangerie Hébert",
        "61006",  # Argentan
        [
            ("Baguette tradition", "Pains", "Farine Label Rouge."),
            ("Croissants au beurre", "Viennoiseries", "Pur beurre AOP."),
            ("Pain d'épices au miel", "Biscuits", "Recette de la grand-mère."),
            ("Pain de campagne au levain", "Pains", "Cuit au feu de bois."),
            ("Brioche tressée", "Viennoiseries", "Aux œufs frais."),
            ("Pains au chocolat", "Viennoiseries", "Deux barres de chocolat noir."),
            ("Tarte aux pommes", "Pâtisseries", "Pommes du verger."),
            ("Éclair au café", "Pâtisseries", "Crème pâtissière au café."),
        ],
    ),
    "charcuterie-du-perche": (
        "Charcuterie du Perche",
        "61293",  # Mortagne-au-Perche
        [
            ("Rillettes de porc", "Charcuterie", "Porc fermier cuit longuement."),
            ("Boudin noir", "Charcuterie", "La spécialité du Perche."),
            ("Pâté de campagne", "Charcuterie", "Au poivre vert."),
            ("Andouille de Vire", "Charcuterie", "Fumée au bois de hêtre."),
            ("Jambon blanc à l'os", "Charcuterie", "Cuit au torchon."),
            ("Saucisses de volaille", "Charcuterie", "Par six."),
        ],
    ),
    "cidrerie-des-vergers": (
        "Cidrerie des Vergers",
        "61508",  # Vimoutiers
        [
            ("Calvados Pays d'Auge 10 ans", "Spiritueux", "Vieilli en fût de chêne."),
            ("Cidre brut fermier", "Boissons", "Bouteille de 75 cl."),
            ("Pommeau de Normandie", "Boissons", "Apéritif de pomme."),
            ("Poiré Domfrontais", "Boissons", "Poires de haute tige."),
            ("Jus de pomme pétillant", "Boissons", "Sans alcool."),
            ("Vinaigre de cidre", "Épicerie", "Non filtré."),
        ],
    ),
    "librairie-le-passage": (
        "Librairie Le Passage",
        "61169",  # Flers
        [
            ("Bande dessinée Les Vieux Fourneaux", "Livres", "Tome 1, album cartonné."),
            ("Roman policier normand", "Livres", "Une enquête dans le bocage."),
            ("Guide des randonnées de l'Orne", "Livres", "Trente circuits balisés."),
            ("Livre de recettes normandes", "Livres", "Cuisine de terroir."),
            ("Carnet de croquis", "Papeterie", "Papier de 160 g."),
        ],
    ),
    "ferme-de-la-motte": (
        "Ferme de la Motte",
        "61464",  # Sées
        [
            ("Œufs frais de plein air", "Épicerie", "Boîte de douze."),
            ("Miel de fleurs", "Épicerie", "Récolte de printemps."),
            ("Confiture de fraises", "Épicerie", "Fraises du jardin."),
            ("Huile de colza vierge", "Épicerie", "Pressée à froid."),
            ("Lentilles vertes", "Épicerie", "Sachet de 500 g."),
            ("Caramels au beurre salé", "Confiserie", "Sachet de 200 g."),
            ("Bière blonde artisanale", "Boissons", "Brassée à la ferme."),
        ],
    ),
    "atelier-bois-et-cuir": (
        "Atelier Bois & Cuir",
        "61038",  # Bellême
        [
            ("Planche à découper en hêtre", "Maison", "Bois massif huilé."),
            ("Ceinture en cuir", "Accessoires", "Cuir pleine fleur."),
            ("Bougie parfumée", "Maison", "Cire végétale."),
            ("Porte-clés en cuir", "Accessoires", "Cousu main."),
            ("Savon au lait d'ânesse", "Beauté", "Saponifié à froid."),
        ],
    ),
}

# Synonym groups as staff would type them in the back office.
SYNONYMS = (
    "bd, bande dessinée",
    "polar, roman policier",
    "chocolatine, pain au chocolat",
    "eau-de-vie, calvados",
)

# (query, intended result, what it exercises)
QUERIES: tuple[tuple[str, str, str], ...] = (
    # accents dropped
    ("pate de campagne", "Pâté de campagne", "accents"),
    ("epices", "Pain d'épices au miel", "accents"),
    ("creme fraiche", "Crème fraîche épaisse", "accents"),
    ("eclair", "Éclair au café", "accents"),
    ("pont l'eveque", "Pont-l'Évêque fermier", "accents"),
    ("poire domfrontais", "Poiré Domfrontais", "accents"),
    ("biere", "Bière blonde artisanale", "accents"),
    ("hetre", "Planche à découper en hêtre", "accents"),
    ("livarot affine", "Livarot affiné", "accents"),
    ("brioche tressee", "Brioche tressée", "accents"),
    # plurals and singulars
    ("camemberts", "Camembert de Normandie AOP", "plural"),
    ("baguettes", "Baguette tradition", "plural"),
    ("croissant", "Croissants au beurre", "plural"),
    ("fromages blancs", "Fromage blanc battu", "plural"),
    ("fromage", "Fromage blanc battu", "plural"),
    ("fromages", "Fromage blanc battu", "plural"),
    ("rillette", "Rillettes de porc", "plural"),
    ("saucisse", "Saucisses de volaille", "plural"),
    ("pain au chocolat", "Pains au chocolat", "plural"),
    ("tartes", "Tarte aux pommes", "plural"),
    ("confitures", "Confiture de fraises", "plural"),
    ("lentille", "Lentilles vertes", "plural"),
    ("caramel", "Caramels au beurre salé", "plural"),
    ("bougies", "Bougie parfumée", "plural"),
    ("ceintures", "Ceinture en cuir", "plural"),
    ("jambons", "Jambon blanc à l'os", "plural"),
    ("andouilles", "Andouille de Vire", "plural"),
    ("cidres", "Cidre brut fermier", "plural"),
    ("randonnee", "Guide des randonnées de l'Orne", "plural"),
    ("recette normande", "Livre de recettes normandes", "plural"),
    # elisions
    ("pain d'epice", "Pain d'épices au miel", "elision"),
    ("l'huile de colza", "Huile de colza vierge", "elision"),
    ("jambon a l'os", "Jambon blanc à l'os", "elision"),
    ("lait d'anesse", "Savon au lait d'ânesse", "elision"),
    ("calvados d'auge", "Calvados Pays d'Auge 10 ans", "elision"),
    # one typo (words of 5 letters or more)
    ("camembrt", "Camembert de Normandie AOP", "typo"),
    ("rilettes", "Rillettes de porc", "typo"),
    ("croisants", "Croissants au beurre", "typo"),
    ("brioshe", "Brioche tressée", "typo"),
    ("calvdos", "Calvados Pays d'Auge 10 ans", "typo"),
    ("confitture", "Confiture de fraises", "typo"),
    ("boudain noir", "Boudin noir", "typo"),
    ("andouile", "Andouille de Vire", "typo"),
    # the last word as a prefix
    ("calva", "Calvados Pays d'Auge 10 ans", "prefix"),
    ("camem", "Camembert de Normandie AOP", "prefix"),
    ("livar", "Livarot affiné", "prefix"),
    ("pommea", "Pommeau de Normandie", "prefix"),
    ("coeur de neufch", "Cœur de Neufchâtel", "prefix"),
    ("baguette tradi", "Baguette tradition", "prefix"),
    ("vinai", "Vinaigre de cidre", "prefix"),
    ("planche a decou", "Planche à découper en hêtre", "prefix"),
    # ligatures
    ("coeur", "Cœur de Neufchâtel", "ligature"),
    ("oeufs", "Œufs frais de plein air", "ligature"),
    ("oeuf frais", "Œufs frais de plein air", "ligature"),
    # shop names
    ("lebrun", "shop:fromagerie-lebrun", "shop"),
    ("boulangerie hebert", "shop:boulangerie-hebert", "shop"),
    ("librairie", "shop:librairie-le-passage", "shop"),
    ("cidrerie", "shop:cidrerie-des-vergers", "shop"),
    ("ferme de la motte", "shop:ferme-de-la-motte", "shop"),
    ("atelier bois cuir", "shop:atelier-bois-et-cuir", "shop"),
    # commune names
    ("alencon", "shop:fromagerie-lebrun", "commune"),
    ("vimoutiers", "shop:cidrerie-des-vergers", "commune"),
    ("mortagne", "shop:charcuterie-du-perche", "commune"),
    ("sees", "shop:ferme-de-la-motte", "commune"),
    ("belleme", "shop:atelier-bois-et-cuir", "commune"),
    # categories and plain words
    ("viennoiserie", "Brioche tressée", "category"),
    ("charcuterie", "shop:charcuterie-du-perche", "category"),
    ("beurre", "Beurre demi-sel à la motte", "word"),
    ("miel", "Miel de fleurs", "word"),
    ("jus de pomme", "Jus de pomme pétillant", "word"),
    # synonyms (SYNONYMS, as staff entered them)
    ("bd", "Bande dessinée Les Vieux Fourneaux", "synonym"),
    ("polar", "Roman policier normand", "synonym"),
    ("chocolatine", "Pains au chocolat", "synonym"),
    ("eau de vie", "Calvados Pays d'Auge 10 ans", "synonym"),
)

TOP = 5
TARGET = 0.95


def catalogue_load() -> None:
    """Write the catalogue and the synonyms, with the project's factories."""
    SearchSynonym.objects.bulk_create([SearchSynonym(terms=terms) for terms in SYNONYMS])
    parent = category("Catalogue", "catalogue-relevance")
    for slug, (name, code, articles) in CATALOGUE.items():
        merchant = MerchantFactory(name=name, slug=slug, commune=commune(code))
        for title, category_name, description in articles:
            record = StockRecordFactory(
                product__title=title,
                product__description=description,
                partner=merchant.partner,
                price_incl_tax=Decimal("9.90"),
                num_in_stock=10,
            )
            cat = category(category_name, _slug(category_name), parent=parent)
            ProductCategory.objects.create(product=record.product, category=cat)


def _slug(name: str) -> str:
    return "rel-" + slugify(name)


@dataclass
class Outcome:
    query: str
    expected: str
    kind: str
    found: bool
    got: list[str]


def relevance_run(search) -> list[Outcome]:
    """Every query through ``search`` (a callable ProductQuery -> SearchPage)."""
    outcomes = []
    for text, expected, kind in QUERIES:
        hits = search(ProductQuery(text=text)).hits[:TOP]
        if expected.startswith("shop:"):
            found = any(hit.merchant.slug == expected[5:] for hit in hits)
        else:
            found = any(hit.title == expected for hit in hits)
        outcomes.append(Outcome(text, expected, kind, found, [hit.title for hit in hits]))
    return outcomes


def relevance_score(outcomes: list[Outcome]) -> float:
    return sum(outcome.found for outcome in outcomes) / len(outcomes)


def relevance_report(outcomes: list[Outcome]) -> str:
    lines = [f"{relevance_score(outcomes):.1%} of {len(outcomes)} queries in the top {TOP}"]
    for outcome in outcomes:
        if not outcome.found:
            lines.append(f"  missed [{outcome.kind}] {outcome.query!r} → {outcome.got}")
    return "\n".join(lines)
