"""Texts of the demo editorial pages (French) and their English translations.

Believable but fictitious: the demo must read like the real site without binding the
council to anything.
"""

from orne_site.privacy.conf import dpo_email

# The data protection officer's address comes from the settings (PRIVACY_DPO_EMAIL).
DPO_EMAIL = dpo_email()
PRIVACY_REQUEST_URL = "/donnees-personnelles/demande/"

PRIVACY_PARAGRAPHS = [
    "<h2>Responsable du traitement</h2><p>Le Département de l'Orne, Hôtel du Département, "
    "27 boulevard de Strasbourg, 61000 Alençon, édite le Marché de l'Orne et décide de "
    "l'usage de vos données. Son délégué à la protection des données répond à toutes vos "
    f'questions : <a href="mailto:{DPO_EMAIL}">{DPO_EMAIL}</a>.</p>',
    "<h2>Ce que nous traitons, pourquoi, et sur quelle base</h2><ul>"
    "<li><b>Vos commandes</b> (nom, adresse e-mail, téléphone, adresse de livraison, "
    "articles, montants) : transmettre à chaque boutique sa commande, vous livrer ou "
    "préparer votre retrait, vous envoyer le récapitulatif. Base : l'exécution du contrat "
    "de vente (article 6.1.b du RGPD).</li>"
    "<li><b>Le paiement et la comptabilité</b> : encaisser, rembourser, payer les "
    "boutiques, conserver les pièces comptables. Base : le contrat et nos obligations "
    "légales (article 6.1.c).</li>"
    "<li><b>Les boutiques</b> (demandes d'inscription et comptes des commerçants : nom, "
    "téléphone, e-mail, SIRET) : examiner la demande, ouvrir et gérer la boutique. Base : "
    "la mission d'intérêt public de soutien au commerce local (article 6.1.e).</li>"
    "<li><b>La sécurité du site</b> (adresse IP de qui envoie un formulaire) : limiter "
    "les abus. Base : la même mission d'intérêt public.</li></ul>",
    "<h2>Qui reçoit vos données</h2><ul>"
    "<li><b>La boutique</b> à qui vous commandez, pour sa seule commande : vos nom, "
    "coordonnées, adresse de livraison et articles. Elle en devient responsable pour la "
    "vente.</li>"
    "<li><b>Stripe</b> (Stripe Payments Europe, Dublin, Irlande), notre prestataire de "
    "paiement : vous saisissez votre carte chez Stripe, elle ne passe jamais par nos "
    "serveurs ; Stripe reçoit le montant et le numéro de la commande.</li>"
    "<li><b>Notre hébergeur</b>, sous-traitant du Département : les données restent dans "
    "l'Union européenne.</li>"
    "<li><b>Les agents habilités du Département</b>, pour vous aider et payer les "
    "boutiques.</li></ul>"
    "<p>Nous ne vendons ni ne louons vos données, et n'en faisons aucune publicité.</p>",
    "<h2>Cookies</h2><p>Le site ne dépose que des cookies nécessaires à son "
    "fonctionnement, qui ne servent qu'à vous et ne suivent pas votre navigation ailleurs "
    "(article 82 de la loi Informatique et Libertés) :</p><ul>"
    "<li>« sessionid » : votre session et votre commande en cours (deux semaines) ;</li>"
    "<li>« csrftoken » : protège les formulaires contre les envois frauduleux (un an) ;</li>"
    "<li>« django_language » : la langue que vous avez choisie (jusqu'à la fermeture du "
    "navigateur) ;</li>"
    "<li>« oscar_open_basket » : votre panier (sept jours) ;</li>"
    "<li>« oscar_history » : les derniers articles que vous avez consultés, gardés sur "
    "votre seul appareil pour vous les remontrer (sept jours) ;</li>"
    "<li>sur la page de paiement seulement, les cookies de Stripe contre la fraude à la "
    "carte.</li></ul>"
    "<p>Aucun cookie de mesure d'audience, de publicité ou de réseau social.</p>",
    "<h2>Durées de conservation</h2><ul>"
    "<li><b>Commandes</b> : vos nom, e-mail, téléphone et adresse sont effacés trois ans "
    "après l'achat ; les pièces comptables (numéro de commande, date, articles, montants, "
    "TVA) sont gardées dix ans, anonymisées, comme l'exige l'article L123-22 du Code de "
    "commerce.</li>"
    "<li><b>Comptes client</b> : effacés après trois ans sans connexion.</li>"
    "<li><b>Demandes d'inscription des commerçants</b> : acceptées, gardées tant que la "
    "boutique vend sur le Marché ; refusées, supprimées un an après la décision.</li>"
    "<li><b>Limites de fréquence des formulaires</b> (adresse IP) : une heure.</li></ul>",
    "<h2>Vos droits et comment les exercer</h2><p>Vous pouvez accéder à vos données, les "
    "rectifier, les effacer, en limiter l'usage, vous opposer à leur traitement et les "
    "recevoir dans un format lisible par une machine. Vous avez commandé sans compte ? "
    f'<a href="{PRIVACY_REQUEST_URL}">Demandez un lien par e-mail</a> pour télécharger '
    "vos données ou les effacer vous-même. Pour toute autre demande, écrivez au délégué à "
    f'la protection des données (<a href="mailto:{DPO_EMAIL}">{DPO_EMAIL}</a>) ou par '
    "courrier à l'adresse ci-dessus : nous répondons sous un mois.</p>",
    "<h2>Réclamation</h2><p>Si vous estimez que vos droits ne sont pas respectés, vous "
    "pouvez saisir la CNIL (www.cnil.fr, 3 place de Fontenoy, TSA 80715, 75334 Paris "
    "Cedex 07).</p>",
]

LEGAL_PAGES = [
    (
        "mentions-legales",
        "Mentions légales",
        [
            "<h2>Éditeur</h2><p>Le Marché de l'Orne est édité par le Département de l'Orne, "
            "Hôtel du Département, 27 boulevard de Strasbourg, 61000 Alençon. "
            "Directeur de la publication : le Président du Conseil départemental.</p>",
            "<h2>Hébergement</h2><p>Le site est hébergé en France par un prestataire retenu "
            "après mise en concurrence ; ses coordonnées sont disponibles sur demande.</p>",
            "<h2>Propriété intellectuelle</h2><p>Les textes et visuels des pages boutiques "
            "appartiennent à leurs commerçants. Les autres contenus peuvent être réutilisés en "
            "citant la source « Département de l'Orne ».</p>",
        ],
    ),
    (
        "cgu-cgv",
        "Conditions générales d'utilisation et de vente",
        [
            "<h2>Objet</h2><p>Le Marché de l'Orne met en relation les habitants et les "
            "commerçants, producteurs et artisans du département. Chaque vente est conclue "
            "entre vous et le commerçant, qui reste seul vendeur de ses articles.</p>",
            "<h2>Commandes et paiement</h2><p>Votre panier peut réunir plusieurs boutiques ; "
            "vous payez en une fois et chaque commerçant reçoit sa commande. Les prix sont "
            "indiqués toutes taxes comprises.</p>",
            "<h2>Livraison et retrait</h2><p>Selon la boutique, vous êtes livré à domicile "
            "ou retirez vos achats en boutique, sur le créneau choisi.</p>",
            "<h2>Droit de rétractation</h2><p>Vous disposez de quatorze jours pour vous "
            "rétracter, sauf pour les denrées périssables (article L221-28 du Code de la "
            "consommation).</p>",
        ],
    ),
    (
        "donnees-personnelles",
        "Données personnelles",
        PRIVACY_PARAGRAPHS,
    ),
    (
        "accessibilite",
        "Déclaration d'accessibilité",
        [
            "<p>Le Département de l'Orne s'engage à rendre ses sites internet accessibles "
            "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.</p>",
            "<h2>État de conformité</h2><p>Le Marché de l'Orne est partiellement conforme au "
            "référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1.</p>",
            "<h2>Contenus non accessibles</h2><ul><li>Certaines photos d'articles déposées par "
            "les commerçants n'ont pas d'alternative textuelle détaillée.</li><li>Les pages "
            "du panier et de la commande sont en cours d'audit.</li></ul>",
            "<h2>Retour d'information et contact</h2><p>Si vous ne pouvez pas accéder à un "
            "contenu, écrivez-nous à marche@orne.invalid : nous vous répondrons sous sept "
            "jours et vous transmettrons l'information sous une forme accessible.</p>",
            "<h2>Voies de recours</h2><p>Si notre réponse ne vous satisfait pas, vous pouvez "
            "saisir le Défenseur des droits (formulaire en ligne, délégué de votre région ou "
            "courrier gratuit : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX "
            "07).</p>",
        ],
    ),
]

NEWS = [
    (
        "lancement-du-marche-de-l-orne",
        "Le Marché de l'Orne ouvre ses portes",
        "Quarante commerces du département vendent désormais en ligne.",
        "<p>Annoncée par le Président du Département, la place de marché réunit boutiques, "
        "producteurs et artisans. L'inscription est gratuite pour les commerçants.</p>",
        40,
    ),
    (
        "retrait-en-boutique",
        "Comment fonctionne le retrait en boutique",
        "Commandez en ligne, choisissez un créneau, passez chercher vos achats.",
        "<p>Le créneau tient compte des horaires d'ouverture et du temps de préparation "
        "indiqué par chaque commerçant. Vous recevez un e-mail quand la commande est prête.</p>",
        30,
    ),
    (
        "livraison-intercommunalites",
        "La livraison à domicile s'étend à dix intercommunalités",
        "De nouveaux commerçants livrent dans les communes voisines.",
        "<p>Les frais de livraison sont fixés par chaque boutique, et offerts au-delà d'un "
        "montant qu'elle choisit.</p>",
        20,
    ),
    (
        "atelier-numerique-commercants",
        "Des ateliers pour aider les commerçants à se lancer",
        "Photos, fiches articles, réglages : un accompagnement gratuit dans chaque canton.",
        "<p>Les agents du Département accompagnent les commerçants qui le souhaitent, en "
        "boutique ou par téléphone.</p>",
        10,
    ),
    (
        "marches-de-noel",
        "Les marchés de Noël de l'Orne en ligne",
        "Retrouvez les exposants des marchés de Noël toute l'année.",
        "<p>Plusieurs exposants des marchés de Noël d'Alençon, de Flers et de Mortagne-au-Perche "
        "ouvrent leur boutique en ligne.</p>",
        3,
    ),
]

CHRISTMAS = {
    "slug": "noel-chez-nos-commercants",
    "title": "Noël chez nos commerçants",
    "summary": "Des idées de cadeaux à retirer en boutique ou à faire livrer, partout dans l'Orne.",
    "intro": "<p>Cette année, offrez des produits de l'Orne : fromages, cidres, livres, "
    "créations d'artisans… Commandez en ligne, retirez près de chez vous.</p>",
    "products_heading": "Nos idées cadeaux",
    "quote": "Les commandes en ligne nous ont apporté de nouveaux clients du canton.",
    "quote_author": "Une fromagère d'Alençon",
    "faq_heading": "Questions fréquentes",
    "faq": [
        (
            "Jusqu'à quand commander pour Noël ?",
            "<p>Jusqu'au 22 décembre pour un retrait en "
            "boutique ; la date limite de livraison dépend de chaque commerçant.</p>",
        ),
        (
            "Puis-je payer une seule fois pour plusieurs boutiques ?",
            "<p>Oui : votre panier réunit toutes les boutiques, vous payez en une fois.</p>",
        ),
    ],
    "cta": "Voir toutes les boutiques",
}

CHRISTMAS_ENGLISH = {
    "Noël chez nos commerçants": "Christmas at our local shops",
    CHRISTMAS["summary"]: "Gift ideas to collect in store or have delivered, all over the Orne.",
    "Cette année, offrez des produits de l'Orne : fromages, cidres, livres, créations "
    "d'artisans… Commandez en ligne, retirez près de chez vous.": (
        "This year, give products from the Orne: cheese, cider, books, craftwork… Order "
        "online, collect near you."
    ),
    "Nos idées cadeaux": "Our gift ideas",
    CHRISTMAS["quote"]: "Online orders brought us new customers from all over the canton.",
    "Une fromagère d'Alençon": "A cheesemonger in Alençon",
    "Questions fréquentes": "Frequently asked questions",
    "Jusqu'à quand commander pour Noël ?": "Until when can I order for Christmas?",
    "Jusqu'au 22 décembre pour un retrait en boutique ; la date limite de livraison dépend "
    "de chaque commerçant.": (
        "Until 22 December for click & collect; the last delivery date depends on each shop."
    ),
    "Puis-je payer une seule fois pour plusieurs boutiques ?": "Can I pay once for several shops?",
    "Oui : votre panier réunit toutes les boutiques, vous payez en une fois.": (
        "Yes: your basket holds every shop, and you pay once."
    ),
    "Voir toutes les boutiques": "See all the shops",
    "Vitrine de Noël d'une boutique de l'Orne": "Christmas shop window in the Orne",
}

PERCHE = {
    "slug": "producteurs-du-perche",
    "title": "Les producteurs du Perche",
    "summary": "Fromages, cidres et pommeaux : rencontrez les producteurs du Perche ornais.",
    "intro": "<p>Le Parc naturel régional du Perche compte des dizaines de producteurs. "
    "Voici quelques boutiques qui vendent leurs produits en ligne.</p>",
    "shops_heading": "Des boutiques à découvrir",
}

HOME_ENGLISH_EXTRA = {
    "Découvrir les temps forts": "See what's on",
    "Un panier garni de produits de l'Orne": "A basket full of produce from the Orne",
}

CAMPAIGN_INDEX_ENGLISH = {
    "Temps forts": "Highlights",
    "Les campagnes du Département pour soutenir le commerce de l'Orne.": (
        "The Département's campaigns supporting the Orne's shops."
    ),
}


# The home page's own texts (the seed translates it first, then adds HOME_ENGLISH_EXTRA).
HOME_PAGE_ENGLISH = {
    "Accueil": "Home",
    "Achetez local, dans toute l'Orne": "Shop local, all over the Orne",
    (
        "Les commerçants, producteurs et artisans de l'Orne vendent en ligne : "
        "livraison à domicile ou retrait en boutique."
    ): (
        "Shops, farmers and craftspeople of the Orne sell online: home delivery or click & collect."
    ),
}
