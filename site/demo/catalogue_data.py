"""Word lists for the demo marketplace: believable Orne shops and their articles.

Each shop kind says which Oscar category its articles go to, how shops of that kind are
named, and which articles they sell (title, size or weight, price range incl. VAT, VAT rate).
"""

from dataclasses import dataclass

# Oscar category tree: top level -> children.
CATEGORY_TREE: dict[str, list[str]] = {
    "Alimentation": [
        "Fromages",
        "Boulangerie",
        "Boucherie",
        "Épicerie fine",
        "Cidre et calvados",
        "Fruits et légumes",
    ],
    "Artisanat": [],
    "Mode": [],
    "Maison": [],
    "Librairie": [],
    "Jouets": [],
    "Fleurs": [],
}

# Real Orne communes (INSEE codes from merchants/data/communes_orne.json), the bigger towns
# first so they get more shops, as in life.
DEMO_COMMUNES = [
    "61001",  # Alençon
    "61169",  # Flers
    "61006",  # Argentan
    "61214",  # L'Aigle
    "61293",  # Mortagne-au-Perche
    "61464",  # Sées
    "61145",  # Domfront en Poiraie
    "61038",  # Bellême
    "61508",  # Vimoutiers
    "61168",  # La Ferté Macé
    "61181",  # Gacé
    "61071",  # Camembert
    "61483",  # Bagnoles de l'Orne Normandie
    "61486",  # Tinchebray-Bocage
    "61258",  # Le Mêle-sur-Sarthe
    "61345",  # Rémalard en Perche
    "61230",  # Longny les Villages
    "61153",  # Écouché-les-Vallées
    "61063",  # Briouze
    "61074",  # Carrouges
]

FAMILY_NAMES = [
    "Lebrun",
    "Duval",
    "Lecomte",
    "Marie",
    "Hébert",
    "Lemonnier",
    "Guérin",
    "Vautier",
    "Lefèvre",
    "Jouenne",
    "Besnard",
    "Levasseur",
    "Dubois",
    "Tessier",
    "Gosselin",
    "Roussel",
]


@dataclass(frozen=True)
class Article:
    title: str
    size: str
    price_min: str
    price_max: str
    vat_rate: str


@dataclass(frozen=True)
class ShopKind:
    merchant_category: str  # merchants.models.MerchantCategory value
    category_path: tuple[str, ...]
    shop_names: tuple[str, ...]
    pitch: str
    articles: tuple[Article, ...]


A = Article
SHOP_KINDS: tuple[ShopKind, ...] = (
    ShopKind(
        "fromagerie",
        ("Alimentation", "Fromages"),
        ("Fromagerie {family}", "La Cave à fromages de {town}", "Ferme {family}"),
        "Fromages normands affinés sur place, au lait cru des fermes voisines.",
        (
            A("Camembert de Normandie AOP au lait cru", "250 g", "4.20", "6.50", "5.5"),
            A("Livarot AOP", "500 g", "8.50", "11.90", "5.5"),
            A("Pont-l'Évêque AOP", "350 g", "6.20", "8.90", "5.5"),
            A("Neufchâtel fermier en cœur", "200 g", "3.80", "5.20", "5.5"),
            A("Tomme au cidre", "300 g", "5.90", "8.40", "5.5"),
            A("Beurre demi-sel à la motte", "250 g", "3.20", "4.60", "5.5"),
            A("Crème crue fermière", "50 cl", "3.10", "4.50", "5.5"),
            A("Fromage blanc battu", "500 g", "2.60", "3.90", "5.5"),
            A("Plateau de fromages normands", "4 fromages", "19.00", "29.00", "5.5"),
            A("Yaourts au lait entier (lot)", "4 × 125 g", "2.40", "3.60", "5.5"),
        ),
    ),
    ShopKind(
        "boulangerie",
        ("Alimentation", "Boulangerie"),
        ("Boulangerie {family}", "Au Fournil de {town}", "La Mie du Perche"),
        "Pains au levain cuits au feu de bois et viennoiseries pur beurre.",
        (
            A("Pain de campagne au levain", "800 g", "3.40", "4.80", "5.5"),
            A("Baguette tradition", "250 g", "1.10", "1.40", "5.5"),
            A("Brioche pur beurre", "400 g", "5.20", "7.50", "5.5"),
            A("Teurgoule à la cannelle", "500 g", "4.80", "6.90", "5.5"),
            A("Galette des rois frangipane", "6 parts", "14.00", "22.00", "5.5"),
            A("Sablés normands", "200 g", "3.50", "5.20", "5.5"),
            A("Tarte normande aux pommes", "6 parts", "12.00", "18.00", "5.5"),
            A("Pain aux noix", "500 g", "4.10", "5.60", "5.5"),
        ),
    ),
    ShopKind(
        "boucherie",
        ("Alimentation", "Boucherie"),
        ("Boucherie {family}", "Maison {family}, boucher-charcutier", "La Ferme du Bocage"),
        "Viandes de race normande élevées à l'herbe et charcuterie maison.",
        (
            A("Andouille de Vire", "500 g", "11.00", "15.50", "5.5"),
            A("Boudin noir de Mortagne", "400 g", "6.50", "9.20", "5.5"),
            A("Terrine de campagne au calvados", "250 g", "5.20", "7.40", "5.5"),
            A("Pâté de campagne", "200 g", "4.20", "5.90", "5.5"),
            A("Rôti de porc fermier", "1 kg", "14.00", "19.00", "5.5"),
            A("Entrecôte de bœuf normand", "300 g", "9.50", "14.00", "5.5"),
            A("Rillettes de canard", "180 g", "5.40", "7.20", "5.5"),
            A("Tripes à la mode de Caen", "500 g", "7.80", "10.50", "5.5"),
        ),
    ),
    ShopKind(
        "epicerie-fine",
        ("Alimentation", "Épicerie fine"),
        ("L'Épicerie de {town}", "Épicerie fine {family}", "Le Garde-manger normand"),
        "Produits du terroir ornais choisis chez les producteurs du département.",
        (
            A("L'huile de colza vierge du Perche", "50 cl", "5.90", "8.50", "5.5"),
            A("Confiture de lait", "250 g", "4.90", "6.90", "5.5"),
            A("Miel de fleurs du bocage", "500 g", "7.50", "11.00", "5.5"),
            A("Caramels au beurre salé", "200 g", "5.20", "7.80", "5.5"),
            A("Moutarde au cidre", "200 g", "3.60", "5.10", "5.5"),
            A("Pâtes artisanales au sarrasin", "500 g", "3.90", "5.60", "5.5"),
            A("Gelée de pommes au calvados", "250 g", "4.40", "6.20", "5.5"),
            A("Panier garni du terroir", "8 produits", "35.00", "59.00", "5.5"),
        ),
    ),
    ShopKind(
        "cidrerie",
        ("Alimentation", "Cidre et calvados"),
        ("Cidrerie {family}", "Domaine du Pays d'Auge", "Les Vergers de {town}"),
        "Cidres, poirés et calvados de nos vergers hautes-tiges.",
        (
            A("Cidre brut fermier", "75 cl", "3.90", "5.50", "20"),
            A("Poiré Domfront AOP", "75 cl", "5.50", "8.00", "20"),
            A("Pommeau de Normandie", "70 cl", "14.00", "19.50", "20"),
            A("Calvados Pays d'Auge 6 ans", "70 cl", "32.00", "45.00", "20"),
            A("Calvados Domfrontais", "70 cl", "29.00", "42.00", "20"),
            A("Jus de pomme artisanal", "1 l", "2.80", "4.20", "5.5"),
            A("Vinaigre de cidre", "50 cl", "3.40", "4.90", "5.5"),
        ),
    ),
    ShopKind(
        "alimentation",
        ("Alimentation", "Fruits et légumes"),
        ("Le Potager de {town}", "Maraîchage {family}", "Les Jardins du Perche"),
        "Légumes de saison et fruits de nos vergers, cueillis la veille.",
        (
            A("Panier de légumes de saison", "5 kg", "15.00", "22.00", "5.5"),
            A("Pommes Reinette du Mans", "2 kg", "4.20", "6.00", "5.5"),
            A("Poires Conférence", "1 kg", "2.90", "4.20", "5.5"),
            A("Pommes de terre de Normandie", "5 kg", "6.50", "9.00", "5.5"),
            A("Carottes des sables", "1 kg", "1.90", "2.80", "5.5"),
            A("Œufs de poules élevées en plein air", "12 œufs", "3.80", "5.20", "5.5"),
        ),
    ),
    ShopKind(
        "artisanat",
        ("Artisanat",),
        ("Atelier {family}", "L'Atelier du Point d'Alençon", "Poterie de {town}"),
        "Créations faites main dans notre atelier ornais.",
        (
            A("Bol en grès émaillé", "Ø 14 cm", "18.00", "28.00", "20"),
            A("Napperon en dentelle au point d'Alençon", "20 cm", "45.00", "120.00", "20"),
            A("Planche à découper en hêtre", "40 × 25 cm", "29.00", "45.00", "20"),
            A("Bougie à la cire d'abeille", "200 g", "12.00", "18.00", "20"),
            A("Savon au lait de jument", "100 g", "5.50", "7.90", "20"),
            A("Vase en céramique", "25 cm", "35.00", "60.00", "20"),
        ),
    ),
    ShopKind(
        "mode",
        ("Mode",),
        ("Boutique {family}", "Le Vestiaire de {town}", "Maison {family}"),
        "Vêtements et accessoires choisis pour toute la famille.",
        (
            A("Marinière en coton", "Taille M", "39.00", "59.00", "20"),
            A("Pull en laine des moutons du Perche", "Taille L", "79.00", "119.00", "20"),
            A("Écharpe tricotée main", "180 cm", "35.00", "55.00", "20"),
            A("Sac cabas en toile", "40 × 35 cm", "25.00", "39.00", "20"),
            A("Bonnet en laine", "Taille unique", "19.00", "29.00", "20"),
        ),
    ),
    ShopKind(
        "maison",
        ("Maison",),
        ("Quincaillerie {family}", "Au Bon Logis", "La Maison de {town}"),
        "Tout pour la maison et le jardin, avec les conseils d'un commerçant d'ici.",
        (
            A("Torchons en lin (lot)", "3 × 50 × 70 cm", "24.00", "36.00", "20"),
            A("Cafetière italienne", "6 tasses", "29.00", "45.00", "20"),
            A("Nichoir à mésanges en bois", "25 cm", "19.00", "32.00", "20"),
            A("Plaid en laine", "130 × 170 cm", "59.00", "89.00", "20"),
            A("Arrosoir en zinc", "10 l", "34.00", "49.00", "20"),
        ),
    ),
    ShopKind(
        "librairie",
        ("Librairie",),
        ("Librairie {family}", "La Librairie de {town}", "Le Passeur de Livres"),
        "Une librairie indépendante : romans, jeunesse, BD et régionalisme.",
        (
            A("Histoire de l'Orne (beau livre)", "240 pages", "29.00", "39.00", "5.5"),
            A("Guide des randonnées du Perche", "160 pages", "14.90", "19.90", "5.5"),
            A("Album jeunesse : la vache normande", "32 pages", "12.50", "15.90", "5.5"),
            A("Bande dessinée : Guillaume le Conquérant", "56 pages", "15.95", "18.95", "5.5"),
            A("Recettes de grand-mère normande", "192 pages", "19.90", "25.00", "5.5"),
            A("Roman policier dans le bocage", "320 pages", "8.90", "21.00", "5.5"),
        ),
    ),
    ShopKind(
        "jouets",
        ("Jouets",),
        ("Le Coffre à Jouets", "Jouets {family}", "La Ronde des Enfants"),
        "Jeux et jouets en bois, jeux de société et idées cadeaux.",
        (
            A("Puzzle en bois : la ferme", "24 pièces", "15.00", "25.00", "20"),
            A("Jeu de société familial", "2 à 6 joueurs", "25.00", "39.00", "20"),
            A("Toupie en hêtre", "6 cm", "6.00", "9.50", "20"),
            A("Peluche vache normande", "30 cm", "19.00", "29.00", "20"),
            A("Cheval à bascule", "80 cm", "119.00", "179.00", "20"),
        ),
    ),
    ShopKind(
        "fleuriste",
        ("Fleurs",),
        ("Fleurs {family}", "L'Atelier floral de {town}", "Au Jardin d'Émilie"),
        "Bouquets de saison composés avec les fleurs de producteurs normands.",
        (
            A("Bouquet de saison", "Moyen", "25.00", "45.00", "10"),
            A("Composition de roses", "12 tiges", "35.00", "55.00", "10"),
            A("Orchidée en pot", "2 tiges", "29.00", "39.00", "10"),
            A("Couronne de Noël", "Ø 35 cm", "35.00", "59.00", "10"),
            A("Plant de lavande", "Pot 2 l", "8.50", "12.00", "10"),
        ),
    ),
)

VARIANTS = ("", "Édition limitée", "Format familial", "Lot de 2", "Bio", "Sélection du mois")

DESCRIPTION = (
    "{title} ({size}). {pitch} Préparé et vendu par {shop}, à {town}. "
    "Livraison dans les communes voisines ou retrait en boutique."
)
