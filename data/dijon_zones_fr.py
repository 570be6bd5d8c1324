"""French of every free text of make_dijon_zones.py, keyed by its English text.

Written for ZAE Atlas from the English of the table (which follows the fact sheet); the facts are
the same, only the language differs. make_dijon_zones.py refuses to write the dataset when a
text has no French here.
"""

FR = {
    "ZAE Cap Nord (Parc d'activités CapNord)":
        "ZAE Cap Nord (Parc d'activités CapNord)",
    'mixed: industrial + commercial + tertiary (not specialised)':
        'mixte : industrie + commerce + tertiaire (non spécialisée)',
    'built out / densification':
        'entièrement bâtie / densification',
    "~300 ha (2017 press); un peu moins de 300 ha (Dijon métropole, bilan 2022). Stored 300: the 2017 press figure, the only exact number; the métropole gives 'un peu moins de 300 ha' without a number.":
        '~300 ha (presse 2017) ; un peu moins de 300 ha (Dijon métropole, bilan 2022). Valeur retenue 300 : le chiffre de la presse de 2017, le seul nombre exact ; la métropole écrit « un peu moins de 300 ha » sans nombre.',
    'plus de 11 000 emplois privés (Dijon métropole, bilan 2022); ~10,000 (2017 press)':
        'plus de 11 000 emplois privés (Dijon métropole, bilan 2022) ; ~10 000 (presse 2017)',
    '~500 firms (2017 press)':
        '~500 entreprises (presse 2017)',
    'historic ZAE; Grand Dijon/Dijon Métropole manages all ZAE since 2015; business club: association Cap Nord':
        "ZAE historique ; le Grand Dijon / Dijon Métropole gère toutes les ZAE depuis 2015 ; club d'entreprises : association Cap Nord",
    "developed from the 1960s (St-Apollinaire); '>40 years' in 2017":
        'aménagée à partir des années 1960 (Saint-Apollinaire) ; « plus de 40 ans » en 2017',
    "Historic, non-specialised business park (industry, retail, services) straddling Dijon, Saint-Apollinaire and the ring road (rocade), developed from the 1960s, now built out and densifying. Dijon métropole (bilan 2022) credits it with 'plus de 11 000 emplois privés sur un peu moins de 300 ha' and lists it among the older operations it keeps supporting.":
        "Parc d'activités historique et non spécialisé (industrie, commerce, services) à cheval sur Dijon, Saint-Apollinaire et la rocade, aménagé à partir des années 1960, aujourd'hui entièrement bâti et en cours de densification. Dijon métropole (bilan 2022) lui attribue « plus de 11 000 emplois privés sur un peu moins de 300 ha » et le cite parmi les opérations anciennes qu'elle continue d'accompagner.",
    'former chocolate factory site, rue de Cracovie, 55-60k m2':
        'ancien site de chocolaterie, rue de Cracovie, 55 000-60 000 m²',
    'business village, >15,000 m2':
        "village d'entreprises, plus de 15 000 m²",
    'warehouse, 2,500 m2':
        'entrepôt, 2 500 m²',
    "in Saint-Apollinaire's zones (Cap Nord or a smaller ZA: zone not specified)":
        'dans les zones de Saint-Apollinaire (Cap Nord ou une ZA plus petite : zone non précisée)',
    "'plus de 11 000 emplois privés' (Dijon métropole, bilan 2022): stored in site_nb_emploi as the métropole's own figure, but no independent source confirmed it (fact sheet §2); the 2017 press gives ~10,000.":
        "« plus de 11 000 emplois privés » (Dijon métropole, bilan 2022) : retenu dans site_nb_emploi comme chiffre propre de la métropole, mais aucune source indépendante ne l'a confirmé (fiche de faits §2) ; la presse de 2017 donne ~10 000.",
    'between Divia stops Mayence (47.3390,5.0641), Epirey Capnord (47.3397,5.0674), Dallas CRI (47.3359,5.0623); zone straddles Dijon/St-Apollinaire and the rocade':
        'entre les arrêts Divia Mayence (47.3390,5.0641), Epirey Capnord (47.3397,5.0674) et Dallas CRI (47.3359,5.0623) ; la zone est à cheval sur Dijon/Saint-Apollinaire et la rocade',
    'Extension Capnord':
        'Extension Capnord',
    'industrial / secondary sector':
        'industrie / secteur secondaire',
    'fully sold (Grand Dijon doc, c.2009)':
        'entièrement commercialisée (document du Grand Dijon, vers 2009)',
    '17 ha (planned 2002)':
        '17 ha (prévus en 2002)',
    '~20 firms installed (no job count)':
        "une vingtaine d'entreprises installées (pas de nombre d'emplois)",
    "~20 firms installed (une vingtaine d'entreprises)":
        "une vingtaine d'entreprises installées",
    'SEMAAD':
        'SEMAAD',
    'planned 2002, works from 2004; early 2000s':
        'prévue en 2002, travaux à partir de 2004 ; début des années 2000',
    'Extension of Cap Nord on its east side in Saint-Apollinaire, planned in 2002 on 17 ha for secondary-sector firms, with works from 2004, developed by SEMAAD; fully sold according to a Grand Dijon document (c.2009), with about twenty firms installed. Position guessed.':
        "Extension de Cap Nord du côté est, à Saint-Apollinaire, prévue en 2002 sur 17 ha pour des entreprises du secteur secondaire, avec des travaux à partir de 2004, aménagée par la SEMAAD ; entièrement commercialisée selon un document du Grand Dijon (vers 2009), avec une vingtaine d'entreprises installées. Position supposée.",
    "'east of the Cap Nord site' (St-Apollinaire) - position guessed":
        "« à l'est du site de Cap Nord » (Saint-Apollinaire) - position supposée",
    "Marché de l'Agro (ex-marché de gros)":
        "Marché de l'Agro (ancien marché de gros)",
    'agri-food (dedicated)':
        'agroalimentaire (dédiée)',
    'active':
        'en activité',
    'unknown':
        'inconnu',
    "'several dozen new jobs' expected (2016) - an expectation, not a count":
        "« plusieurs dizaines d'emplois nouveaux » attendus (2016) - une attente, pas un décompte",
    'Grand Dijon':
        'Grand Dijon',
    'conversion c.2015-2016':
        'reconversion vers 2015-2016',
    'Former wholesale market (marché de gros) at the entrance of Cap Nord, converted c.2015-2016 by Grand Dijon into a site dedicated to agri-food firms. Exact position not found.':
        "Ancien marché de gros à l'entrée de Cap Nord, reconverti vers 2015-2016 par le Grand Dijon en site dédié aux entreprises de l'agroalimentaire. Position exacte non trouvée.",
    'HQ / central kitchen':
        'siège / cuisine centrale',
    "'entrance of Cap Nord' - exact position not found":
        '« entrée de Cap Nord » - position exacte non trouvée',
    "Parc Valmy / Écopôle Valmy (technopôle/quartier d'affaires Valmy)":
        "Parc Valmy / Écopôle Valmy (technopôle/quartier d'affaires Valmy)",
    'tertiary (offices) + health':
        'tertiaire (bureaux) + santé',
    '3rd phase under development':
        "3e tranche en cours d'aménagement",
    '45 ha (at launch, 2002); park/public space 2.7 ha (2012). No later figure for the whole park including its 3rd phase was found.':
        "45 ha (au lancement, 2002) ; parc/espaces publics 2,7 ha (2012). Aucun chiffre plus récent pour l'ensemble du parc, 3e tranche comprise, n'a été trouvé.",
    'no zone total found; CPage 280 staff; EDF >300 (from ~2027); Heller 15 (single tenants: not stored)':
        'aucun total pour la zone ; CPage 280 salariés ; EDF plus de 300 (à partir de ~2027) ; Heller 15 (entreprises isolées : non retenu)',
    'SEMAAD (launch) then SPLAAD (écopôle)':
        'SEMAAD (lancement) puis SPLAAD (écopôle)',
    'ZAC launched 2002-2004; 3rd & last phase from 2018 (+120,000 m2 offices planned)':
        'ZAC lancée en 2002-2004 ; 3e et dernière tranche à partir de 2018 (+120 000 m² de bureaux prévus)',
    "Tertiary (offices) and health business district around the tram T2 'Dijon Valmy' terminus: a ZAC launched 2002-2004 by SEMAAD, whose 3rd and last phase (from 2018, +120,000 m2 of offices planned) is developed by SPLAAD. Dijon métropole (bilan 2022) lists it among four operations under development.":
        "Quartier d'affaires tertiaire (bureaux) et de santé autour du terminus « Dijon Valmy » du tram T2 : une ZAC lancée en 2002-2004 par la SEMAAD, dont la 3e et dernière tranche (à partir de 2018, +120 000 m² de bureaux prévus) est aménagée par la SPLAAD. Dijon métropole (bilan 2022) la compte parmi quatre opérations en cours d'aménagement.",
    'regional head office, 9,500 m2':
        'siège régional, 9 500 m²',
    'delivered end 2023':
        'livré fin 2023',
    'offices, 5,020 m2':
        'bureaux, 5 020 m²',
    'under construction in 2022 (Dijon métropole); inaugurated June 2024':
        'en chantier en 2022 (Dijon métropole) ; inauguré en juin 2024',
    'offices, 4,180 m2':
        'bureaux, 4 180 m²',
    'office programme':
        'programme de bureaux',
    'under construction in 2022 (Dijon métropole); no other source found':
        'en chantier en 2022 (Dijon métropole) ; aucune autre source trouvée',
    'hotel':
        'hôtel',
    'medical building, 3,057 m2':
        'bâtiment médical, 3 057 m²',
    'regional head office':
        'siège régional',
    'first stone laid; move ~2027':
        'première pierre posée ; emménagement vers 2027',
    'business park':
        "parc d'affaires",
    "tram T2 terminus 'Dijon Valmy' (47.3655,5.0467), 'Giroud' (47.3653,5.0494), 'Pôle Santé' (47.3613,5.0510)":
        'terminus du tram T2 « Dijon Valmy » (47.3655,5.0467), « Giroud » (47.3653,5.0494), « Pôle Santé » (47.3613,5.0510)',
    "Centre commercial Toison d'Or (+ adjacent zone)":
        "Centre commercial Toison d'Or (+ zone voisine)",
    'commercial':
        'commerce',
    "78,000 m2 retail floor (not land); Pouilly/Toison d'Or urban project >250 ha (not the zone). No land surface: null.":
        "78 000 m² de surface commerciale (pas de terrain) ; projet urbain Pouilly/Toison d'Or plus de 250 ha (pas la zone). Aucune surface de terrain : null.",
    '~3,000 jobs (2013) in the adjacent activity zone, not in the shopping centre this feature stands for: not stored':
        "~3 000 emplois (2013) dans la zone d'activités voisine, pas dans le centre commercial que représente cet objet : non retenu",
    '~160 shops + hypermarket 15,000 m2 (2013): the centre only, not the centre + adjacent zone: not stored':
        '~160 boutiques + hypermarché de 15 000 m² (2013) : le centre seul, pas le centre + la zone voisine : non retenu',
    'Espace Expansion (founder); Unibail-Rodamco':
        'Espace Expansion (fondateur) ; Unibail-Rodamco',
    'opened 11 Apr 1990; extension 12,300 m2 inaugurated 30-31 Oct 2013':
        'ouvert le 11 avril 1990 ; extension de 12 300 m² inaugurée les 30-31 octobre 2013',
    "Shopping centre opened on 11 April 1990 (~160 shops and a 15,000 m2 hypermarket; 78,000 m2 of retail floor), extended by 12,300 m2 in October 2013, owned by Unibail-Rodamco (2013), next to an activity zone put at about 3,000 jobs in 2013 (that zone's figure, not the centre's). No land surface is known: the outline is nominal.":
        "Centre commercial ouvert le 11 avril 1990 (~160 boutiques et un hypermarché de 15 000 m² ; 78 000 m² de surface commerciale), agrandi de 12 300 m² en octobre 2013, propriété d'Unibail-Rodamco (2013), voisin d'une zone d'activités estimée à environ 3 000 emplois en 2013 (le chiffre de cette zone, pas celui du centre). Aucune surface de terrain connue : le contour est nominal.",
    '~160 shops':
        '~160 boutiques',
    'hypermarket of 15,000 m2':
        'hypermarché de 15 000 m²',
    'Wikipedia coordinates 47°21\'20"N 5°03\'20"E':
        'coordonnées Wikipédia 47°21\'20"N 5°03\'20"E',
    "Les Parcs de la Toison d'Or (parc de l'Europe, parc technologique, ZA d'Ahuy, ZA de Fontaine)":
        "Les Parcs de la Toison d'Or (parc de l'Europe, parc technologique, ZA d'Ahuy, ZA de Fontaine)",
    'mixed tertiary / artisanal / commercial':
        'mixte : tertiaire / artisanat / commerce',
    '~7,000 jobs / ~600 firms (2014, club incl. Valmy): business-club scope including Valmy, not this zone: not stored':
        "~7 000 emplois / ~600 entreprises (2014, club Valmy compris) : périmètre du club d'entreprises, Valmy compris, pas cette zone : non retenu",
    '~600 firms (2014, club incl. Valmy): business-club scope, not this zone: not stored':
        "~600 entreprises (2014, club Valmy compris) : périmètre du club d'entreprises, pas cette zone : non retenu",
    "various; club d'entreprises Les Parcs de la Toison d'Or":
        "divers ; club d'entreprises Les Parcs de la Toison d'Or",
    'Pouilly plan 1983-87; LiNo access 10 Feb 2014':
        'plan de Pouilly 1983-87 ; accès à la LiNo le 10 février 2014',
    "Sprawling set of activity areas (parc de l'Europe, parc technologique, ZA d'Ahuy, ZA de Fontaine) on Dijon, Ahuy and Fontaine-lès-Dijon, represented by the business club 'Les Parcs de la Toison d'Or' (LiNo access on 10 Feb 2014). Surface unknown: nominal outline.":
        "Ensemble étendu de secteurs d'activités (parc de l'Europe, parc technologique, ZA d'Ahuy, ZA de Fontaine) sur Dijon, Ahuy et Fontaine-lès-Dijon, représenté par le club d'entreprises « Les Parcs de la Toison d'Or » (accès à la LiNo le 10 février 2014). Surface inconnue : contour nominal.",
    'near Divia stops Europe Découverte (47.3550,5.0449), Jean Bertin (47.3547,5.0410), Les Plantes (47.3644,5.0283); sprawling area':
        'près des arrêts Divia Europe Découverte (47.3550,5.0449), Jean Bertin (47.3547,5.0410) et Les Plantes (47.3644,5.0283) ; zone étendue',
    "Quartier d'affaires Clemenceau (ZAC Clemenceau-Boudronnée)":
        "Quartier d'affaires Clemenceau (ZAC Clemenceau-Boudronnée)",
    'tertiary (CBD)':
        "tertiaire (quartier d'affaires)",
    'built':
        'bâti',
    'unknown (47,000-55,000 m2 of offices: floor area, not land)':
        'inconnue (47 000-55 000 m² de bureaux : surface de plancher, pas de terrain)',
    'no total; Rectorat ~600 agents (single employer: not stored)':
        'aucun total ; Rectorat ~600 agents (un seul employeur : non retenu)',
    'conceived 1960s':
        'conçu dans les années 1960',
    "Dijon's central business district (ZAC Clemenceau-Boudronnée, near the tram stop Auditorium), conceived in the 1960s, with 47,000-55,000 m2 of offices hosting public bodies and company offices. Land surface unknown: nominal outline.":
        "Quartier d'affaires central de Dijon (ZAC Clemenceau-Boudronnée, près de l'arrêt de tram Auditorium), conçu dans les années 1960, avec 47 000 à 55 000 m² de bureaux occupés par des organismes publics et des entreprises. Surface de terrain inconnue : contour nominal.",
    'head office':
        'siège',
    'services':
        'services',
    'Ricciotti tower':
        'tour Ricciotti',
    'tram stop Auditorium (47.3286,5.0521)':
        'arrêt de tram Auditorium (47.3286,5.0521)',
    'Technopôle / Parc Mazen-Sully':
        'Technopôle / Parc Mazen-Sully',
    'technopole (biotech / health)':
        'technopôle (biotechnologies / santé)',
    'complete':
        'achevé',
    '8 ha (Grand Dijon); 4.7 ha sold in 12 lots (SEMAAD); 10 ha planned in 2002. Stored 8: the zone page of Grand Dijon (the operator) for the park as built; 4.7 ha is only the sold plots and 10 ha the 2002 plan.':
        '8 ha (Grand Dijon) ; 4,7 ha vendus en 12 lots (SEMAAD) ; 10 ha prévus en 2002. Valeur retenue 8 : la page de la zone du Grand Dijon (le gestionnaire) pour le parc tel que bâti ; 4,7 ha ne compte que les lots vendus et 10 ha le projet de 2002.',
    'no total; Oncodesign >70; Crossject ~30 (single tenants: not stored)':
        'aucun total ; Oncodesign plus de 70 ; Crossject ~30 (entreprises isolées : non retenu)',
    'SEMAAD (ZAC)':
        'SEMAAD (ZAC)',
    'created 2002; sold out 2016':
        'créé en 2002 ; entièrement commercialisé en 2016',
    "Biotech / health technopole by the tram T1 stop 'Mazen Sully': a ZAC created in 2002 by SEMAAD and sold out in 2016, hosting Oncodesign, Crossject and the 'Les Jardins de la Recherche' building (2007).":
        "Technopôle des biotechnologies et de la santé près de l'arrêt « Mazen Sully » du tram T1 : une ZAC créée en 2002 par la SEMAAD et entièrement commercialisée en 2016, qui accueille Oncodesign, Crossject et le bâtiment « Les Jardins de la Recherche » (2007).",
    'building':
        'bâtiment',
    'until 2024 (moved to Écoparc Dijon Bourgogne, Oct 2024)':
        "jusqu'en 2024 (partie à l'Écoparc Dijon Bourgogne en octobre 2024)",
    "tram T1 stop 'Mazen Sully' (47.3149,5.0768)":
        'arrêt « Mazen Sully » du tram T1 (47.3149,5.0768)',
    'Novarea (Espace régional innovation & entreprises) / Technov':
        'Novarea (Espace régional innovation & entreprises) / Technov',
    'technopole / innovation (incubator, pépinière HOPE!, digital)':
        'technopôle / innovation (incubateur, pépinière HOPE!, numérique)',
    'active; Technov under development':
        "en activité ; Technov en cours d'aménagement",
    '3.5 ha (Forumeco 2015) or 1.5 ha (Gazette des communes) - conflicting. Stored 3.5: the later (2015) figure.':
        '3,5 ha (Forumeco 2015) ou 1,5 ha (La Gazette des communes) - contradictoires. Valeur retenue 3,5 : le chiffre le plus récent (2015).',
    'Région Bourgogne; EPLAAD manage HOPE!; Sempat D3B (Technov)':
        "Région Bourgogne ; l'EPLAAD gère HOPE! ; Sempat D3B (Technov)",
    'initiated 2006; built ~2012-2015':
        'lancé en 2006 ; construit vers 2012-2015',
    "Regional innovation and business site (Espace régional innovation & entreprises) initiated in 2006 by the Région Bourgogne as an extension of the campus and of Mazen-Sully, built ~2012-2015 around the Maison régionale de l'innovation and the HOPE! incubator; Technov, a digital-sector building of more than 6,000 m2 (Sempat D3B), was launched in 2025. Position estimated.":
        "Site régional d'innovation et d'entreprises (Espace régional innovation & entreprises) lancé en 2006 par la Région Bourgogne en prolongement du campus et de Mazen-Sully, construit vers 2012-2015 autour de la Maison régionale de l'innovation et de l'incubateur HOPE! ; Technov, un bâtiment de plus de 6 000 m² dédié au numérique (Sempat D3B), a été lancé en 2025. Position estimée.",
    'business incubator (pépinière), managed by EPLAAD':
        "pépinière d'entreprises, gérée par l'EPLAAD",
    'digital-sector totem building, >6,000 m2':
        'bâtiment totem du numérique, plus de 6 000 m²',
    'launched 2025; under development':
        "lancé en 2025 ; en cours d'aménagement",
    "'extension of the campus and of Mazen-Sully'; near tram 'Université' (47.3116,5.0730)":
        "« prolongement du campus et de Mazen-Sully » ; près de l'arrêt de tram « Université » (47.3116,5.0730)",
    'Santenov (health technopole/cluster) - Sully Santenov building':
        'Santenov (technopôle/cluster santé) - bâtiment Sully Santenov',
    'technopole / cluster (health)':
        'technopôle / cluster (santé)',
    'building under construction (2026)':
        'bâtiment en construction (2026)',
    "building 9,100-9,300 m2 (7 levels); not a land zone. Dijon métropole (bilan 2022): projet de bâtiment « signal » de la santé et du numérique d'environ 9 000 m2.":
        "bâtiment de 9 100-9 300 m² (7 niveaux) ; pas une zone foncière. Dijon métropole (bilan 2022) : projet de bâtiment « signal » de la santé et du numérique d'environ 9 000 m².",
    'cluster: 150 firms / 6,000 employees (2025); BFC health 170 firms / 9,000 (2026): cluster / regional scope, not a zone: not stored':
        'cluster : 150 entreprises / 6 000 salariés (2025) ; santé en BFC 170 entreprises / 9 000 (2026) : périmètre du cluster / de la région, pas une zone : non retenu',
    'cluster: 150 firms (2025): cluster scope, not a zone: not stored':
        'cluster : 150 entreprises (2025) : périmètre du cluster, pas une zone : non retenu',
    'Dijon Métropole + cluster; Patriarche/Walter (build & operate)':
        'Dijon Métropole + cluster ; Patriarche/Walter (construction et exploitation)',
    'technopôle santé renamed Santenov June 2021; merged with BFCare Dec 2024; building works launched 30 Jan 2026':
        'technopôle santé renommé Santenov en juin 2021 ; fusionné avec BFCare en décembre 2024 ; travaux du bâtiment lancés le 30 janvier 2026',
    "Not a land zone (site_type 'autre'): Santenov is Dijon métropole's health technopole / cluster (technopôle santé renamed Santenov in June 2021, merged with BFCare in December 2024; members include Urgo, Proteor, Crossject, Oncodesign). This feature stands for its Sully Santenov building (9,100-9,300 m2, 7 levels) between the CHU and the university, whose works were launched on 30 January 2026. Position guessed; outline nominal.":
        "Pas une zone foncière (site_type « autre ») : Santenov est le technopôle / cluster santé de Dijon métropole (technopôle santé renommé Santenov en juin 2021, fusionné avec BFCare en décembre 2024 ; parmi ses membres Urgo, Proteor, Crossject, Oncodesign). Cet objet représente son bâtiment Sully Santenov (9 100-9 300 m², 7 niveaux) entre le CHU et l'université, dont les travaux ont été lancés le 30 janvier 2026. Position supposée ; contour nominal.",
    'school':
        'école',
    'start-up floors':
        'plateaux pour start-up',
    "building 'between the CHU and the Université' (quartier Université) - position guessed":
        "bâtiment « entre le CHU et l'Université » (quartier Université) - position supposée",
    "Écoparc Dijon Bourgogne (ex 'Parc d'activités de l'Est dijonnais')":
        "Écoparc Dijon Bourgogne (ex « Parc d'activités de l'Est dijonnais »)",
    'mixed, industrial-led (agri-food, biotech, eco-activities)':
        'mixte, à dominante industrielle (agroalimentaire, biotechnologies, éco-activités)',
    'under development (phase 2+)':
        "en cours d'aménagement (tranche 2 et suivantes)",
    "184-185 ha gross; 110 ha for firms (90 industry + 20 TPE); phase 1 ~30 ha. Stored 184: 'environ 184 hectares brut' on the Grand Dijon zone page (a gross surface, as CNIG site_surf_brute); 185 ha on the Saint-Apollinaire and Atelier LD pages.":
        "184-185 ha bruts ; 110 ha pour les entreprises (90 industrie + 20 TPE) ; tranche 1 ~30 ha. Valeur retenue 184 : « environ 184 hectares brut » sur la page de la zone du Grand Dijon (une surface brute, comme site_surf_brute du CNIG) ; 185 ha sur les pages de Saint-Apollinaire et d'Atelier LD.",
    "~60 in 2019: the staff of three firms, not the zone's jobs; 6,500 planned 'at term' (a target); Filab 130 (2025, one tenant). No count for the whole zone: not stored.":
        "~60 en 2019 : l'effectif de trois entreprises, pas les emplois de la zone ; 6 500 prévus « à terme » (un objectif) ; Filab 130 (2025, une seule entreprise). Aucun décompte pour l'ensemble de la zone : non retenu.",
    'SPLAAD':
        'SPLAAD',
    'SPLAAD appointed June 2009; public inquiry Dec 2012; works 2011-; first firm 2016':
        'SPLAAD désignée en juin 2009 ; enquête publique en décembre 2012 ; travaux à partir de 2011 ; première entreprise en 2016',
    'Large mixed, industry-led park (agri-food, biotech, eco-activities) on either side of the Dijon-A31 expressway, on Saint-Apollinaire (108 ha) and Quetigny (75 ha), developed by SPLAAD (appointed June 2009; first firm 2016) and still under development. Dijon métropole (bilan 2022) lists it among four operations under development. Position estimated.':
        "Grand parc mixte à dominante industrielle (agroalimentaire, biotechnologies, éco-activités) de part et d'autre de la voie rapide Dijon-A31, sur Saint-Apollinaire (108 ha) et Quetigny (75 ha), aménagé par la SPLAAD (désignée en juin 2009 ; première entreprise en 2016) et toujours en cours d'aménagement. Dijon métropole (bilan 2022) le compte parmi quatre opérations en cours d'aménagement. Position estimée.",
    'data center':
        'centre de données',
    'analysis laboratory, 5,200 m2':
        "laboratoire d'analyses, 5 200 m²",
    'announced in 2022 for 2023-2024 (Dijon métropole); moved in Oct 2024':
        'annoncé en 2022 pour 2023-2024 (Dijon métropole) ; installé en octobre 2024',
    'agri-food unit: levain plant, 3,650 m2':
        'unité agro-industrielle : usine de levain, 3 650 m²',
    'announced in 2022 for 2023-2024 (Dijon métropole); plant of 2024':
        'annoncée en 2022 pour 2023-2024 (Dijon métropole) ; usine de 2024',
    'office building':
        'immeuble de bureaux',
    'announced in 2022 for 2023-2024 (Dijon métropole); site delivered 2024':
        'annoncé en 2022 pour 2023-2024 (Dijon métropole) ; site livré en 2024',
    'announced in 2022 for 2023-2024 (Dijon métropole); no other source found':
        'annoncé en 2022 pour 2023-2024 (Dijon métropole) ; aucune autre source trouvée',
    'training centre, 13 ha':
        "centre d'entraînement, 13 ha",
    'plant':
        'usine',
    'works from July 2026':
        'travaux à partir de juillet 2026',
    "'either side of the expressway Dijon-A31', 'between RD70 and the ARC, Bois-Guillaume interchange' - position estimated near St-Apollinaire/Quetigny boundary":
        "« de part et d'autre de la voie rapide Dijon-A31 », « entre la RD70 et l'ARC, échangeur de Bois-Guillaume » - position estimée près de la limite Saint-Apollinaire/Quetigny",
    'ZA Bois Guillaume':
        'ZA Bois Guillaume',
    'artisanal / small firms':
        'artisanat / petites entreprises',
    '10.3 ha':
        '10,3 ha',
    'commune of Saint-Apollinaire':
        'commune de Saint-Apollinaire',
    '1977':
        '1977',
    "Small artisanal zone of 10.3 ha created in 1977 by the commune of Saint-Apollinaire, parallel to the RD70 towards Varois-et-Chaignot, whose flagship firm is Eurogerm's head office. Position guessed.":
        "Petite zone artisanale de 10,3 ha créée en 1977 par la commune de Saint-Apollinaire, parallèle à la RD70 en direction de Varois-et-Chaignot, dont l'« activité phare » est le siège d'Eurogerm. Position supposée.",
    "head office ('activité phare')":
        'siège (« activité phare »)',
    "'parallel to RD70 towards Varois-et-Chaignot' - guessed":
        '« parallèle à la RD70 en direction de Varois-et-Chaignot » - supposée',
    'Zone commerciale Grand Quetigny / Cap Vert':
        'Zone commerciale Grand Quetigny / Cap Vert',
    'unknown (Carrefour centre 30,621 m2 GLA after 2014: floor area, not land)':
        'inconnue (centre Carrefour 30 621 m² de surface locative brute après 2014 : surface de plancher, pas de terrain)',
    'Carrefour 520 (older data): single employer, not stored':
        'Carrefour 520 (données anciennes) : un seul employeur, non retenu',
    '>300 enseignes: a lower bound of retail brands, with no year, not a count of establishments: not stored':
        "plus de 300 enseignes : un minimum de marques commerciales, sans année, pas un nombre d'établissements : non retenu",
    'Carrefour Property (centre)':
        'Carrefour Property (centre)',
    '1968':
        '1968',
    'Retail zone of Quetigny around the Carrefour hypermarket opened in 1968 (the first hypermarket of the département), with more than 300 retail brands. Land surface unknown: nominal outline.':
        "Zone commerciale de Quetigny autour de l'hypermarché Carrefour ouvert en 1968 (le premier hypermarché du département), avec plus de 300 enseignes. Surface de terrain inconnue : contour nominal.",
    'hypermarket':
        'hypermarché',
    '1st hypermarket of the département':
        '1er hypermarché du département',
    'tram stops Grand Marché (47.3124,5.1036), Quetigny C. Cial (47.3114,5.1042), Cap Vert (47.3136,5.0945)':
        'arrêts de tram Grand Marché (47.3124,5.1036), Quetigny C. Cial (47.3114,5.1042), Cap Vert (47.3136,5.0945)',
    "Parc d'activités de Beauregard (ZAC)":
        "Parc d'activités de Beauregard (ZAC)",
    'industrial + artisanal + logistics':
        'industrie + artisanat + logistique',
    'under development / filling':
        "en cours d'aménagement / de remplissage",
    '~80-82 ha (350,000 m2 floor potential); 1st tranche 30 ha; also given as 80, 82 (38 + 44) or 90 ha (older CBRE/BNP page). Stored 80: the figure stated by Le Moniteur (2018) and the Grand Dijon zone page; 82 is the sum of the per-commune figures.':
        '~80-82 ha (350 000 m² de plancher possibles) ; 1re tranche 30 ha ; aussi donné pour 80, 82 (38 + 44) ou 90 ha (ancienne page CBRE/BNP). Valeur retenue 80 : le chiffre donné par Le Moniteur (2018) et la page de la zone du Grand Dijon ; 82 est la somme des chiffres par commune.',
    'no total; Savoye ~500 (planned), Lustral 180, Giphar 70-80 (single tenants: not stored)':
        'aucun total ; Savoye ~500 (prévus), Lustral 180, Giphar 70-80 (entreprises isolées : non retenu)',
    'DUP inquiry 2016; 1st tranche delivered end 2018':
        'enquête DUP en 2016 ; 1re tranche livrée fin 2018',
    'New industrial, artisanal and logistics park (ZAC) at the south-east motorway exit, on Longvic (~38 ha) and Ouges (~44 ha), developed by SPLAAD after the 2016 public-utility inquiry (1st tranche delivered end 2018); GIPHAR, Chronopost and the légumerie métropolitaine are operating. Dijon métropole (bilan 2022) calls it the park whose appearance changed most in 2022. Position estimated.':
        "Nouveau parc d'activités industriel, artisanal et logistique (ZAC) à la sortie d'autoroute sud-est, sur Longvic (~38 ha) et Ouges (~44 ha), aménagé par la SPLAAD après l'enquête d'utilité publique de 2016 (1re tranche livrée fin 2018) ; GIPHAR, Chronopost et la légumerie métropolitaine sont en activité. Dijon métropole (bilan 2022) en fait le parc dont la physionomie a le plus changé en 2022. Position estimée.",
    'pharmaceutical distribution, 10,000 m2':
        'répartition pharmaceutique, 10 000 m²',
    'under construction in 2022 (Dijon métropole); opened Jan 2023':
        'en chantier en 2022 (Dijon métropole) ; ouvert en janvier 2023',
    'parcel delivery, 5,000 m2 site':
        'messagerie, site de 5 000 m²',
    'under construction in 2022 (Dijon métropole); moved from Chenôve; in use':
        'en chantier en 2022 (Dijon métropole) ; venu de Chenôve ; en service',
    'vegetable processing unit':
        'légumerie',
    'under construction in 2022 (Dijon métropole); inaugurated 17 May 2023, on the Ouges side':
        'en chantier en 2022 (Dijon métropole) ; inaugurée le 17 mai 2023, côté Ouges',
    '6 ha':
        '6 ha',
    'Jan 2024':
        'janvier 2024',
    'SE motorway exit, straddling Longvic/Ouges boundary, near fort de Beauregard - estimated':
        "sortie d'autoroute sud-est, à cheval sur la limite Longvic/Ouges, près du fort de Beauregard - estimée",
    "ZI de Longvic (core of the 'Parcs d'Oscara')":
        "ZI de Longvic (cœur des « Parcs d'Oscara »)",
    'industrial / logistics':
        'industrie / logistique',
    "330 ha (CBRE, a property broker's listing)":
        "330 ha (CBRE, annonce d'un agent immobilier)",
    "Parcs d'Oscara ~10,000 (2021); Longvic commune 9,872 jobs (2011): a grouping of 7 parks / the whole commune, not this zone: not stored":
        "Parcs d'Oscara ~10 000 (2021) ; commune de Longvic 9 872 emplois (2011) : un regroupement de 7 parcs / toute la commune, pas cette zone : non retenu",
    'commune of Longvic (historic); Dijon Métropole; club: Oscara Business Club':
        'commune de Longvic (historique) ; Dijon Métropole ; club : Oscara Business Club',
    "1958 (JDP) / 'années 1950' (CBRE)":
        '1958 (JDP) / « années 1950 » (CBRE)',
    "Historic industrial and logistics zone of Longvic (1958, or 'années 1950' for CBRE) between the canal and the railways, 330 ha according to CBRE; core of the 'Parcs d'Oscara' (seven parks on Longvic and Ouges). Dijon métropole (bilan 2022) lists it among the older operations it supports. Position estimated.":
        "Zone industrielle et logistique historique de Longvic (1958, ou « années 1950 » selon CBRE) entre le canal et les voies ferrées, 330 ha selon CBRE ; cœur des « Parcs d'Oscara » (sept parcs sur Longvic et Ouges). Dijon métropole (bilan 2022) la cite parmi les opérations anciennes qu'elle accompagne. Position estimée.",
    'logistics':
        'logistique',
    "'between the canal and the railways, near a motorway interchange' - estimated":
        "« entre le canal et les voies ferrées, près d'un échangeur autoroutier » - estimée",
    "Aéroport Dijon-Bourgogne activity zone (ex-BA 102) - Parc de l'Aéroport":
        "Zone d'activités de l'aéroport Dijon-Bourgogne (ex-BA 102) - Parc de l'Aéroport",
    'aeronautics / automotive / logistics':
        'aéronautique / automobile / logistique',
    'active / conversion':
        'en activité / reconversion',
    "~300 ha of former BA 102 premises (2018 quote): the premises occupied by the zone's firms.":
        "~300 ha d'anciennes emprises de la BA 102 (citation de 2018) : les emprises occupées par les entreprises de la zone.",
    '~100 jobs (Feb 2018); gendarmerie school 720-1,600 trainees (trainees, not jobs: not stored)':
        '~100 emplois (février 2018) ; école de gendarmerie 720-1 600 élèves (des élèves, pas des emplois : non retenu)',
    '~30 firms (Feb 2018); 52 firms (ForumEco, not dated by the fact sheet). Stored the dated figure, the same source and date as the job count.':
        "~30 entreprises (février 2018) ; 52 entreprises (ForumEco, non daté par la fiche de faits). Valeur retenue : le chiffre daté, de même source et même date que le nombre d'emplois.",
    'SMADL (Région BFC + Dijon Métropole); operator Edeis':
        'SMADL (Région BFC + Dijon Métropole) ; exploitant Edeis',
    'BA 102 closed 2016; zone since ~2016':
        'BA 102 fermée en 2016 ; zone depuis ~2016',
    'Activity zone on the former BA 102 air base (closed 2016) at Dijon-Bourgogne airport, run by the SMADL (Région BFC + Dijon Métropole) with Edeis as operator: aeronautics, automotive and logistics firms, about 30 firms and 100 jobs in February 2018, next to the gendarmerie school.':
        "Zone d'activités sur l'ancienne base aérienne BA 102 (fermée en 2016) à l'aéroport Dijon-Bourgogne, gérée par le SMADL (Région BFC + Dijon Métropole) avec Edeis pour exploitant : entreprises de l'aéronautique, de l'automobile et de la logistique, environ 30 entreprises et 100 emplois en février 2018, à côté de l'école de gendarmerie.",
    'training, 720-1,600 trainees':
        'formation, 720-1 600 élèves',
    'drone school':
        'école de drones',
    'parachuting':
        'parachutisme',
    'Wikipedia airport coordinates 47°15\'59"N 5°05\'27"E':
        'coordonnées Wikipédia de l\'aéroport 47°15\'59"N 5°05\'27"E',
    "ZA des Essarts (Parcs d'Oscara)":
        "ZA des Essarts (Parcs d'Oscara)",
    'artisanal':
        'artisanat',
    "Artisanal zone at Ouges, one of the seven 'Parcs d'Oscara'. Surface, jobs and real position unknown: the point is the Ouges commune centroid (placeholder) and the outline is nominal.":
        "Zone artisanale à Ouges, l'un des sept « Parcs d'Oscara ». Surface, emplois et position réelle inconnus : le point est le centroïde de la commune d'Ouges (provisoire) et le contour est nominal.",
    'PLACEHOLDER = Ouges commune centroid; real position unknown':
        "PROVISOIRE = centroïde de la commune d'Ouges ; position réelle inconnue",
    'Les Portes du Sud (zones Sud: ZA Rente Logerot, ZA Chenôve-Est, Perrigny)':
        'Les Portes du Sud (zones Sud : ZA Rente Logerot, ZA Chenôve-Est, Perrigny)',
    'commercial + artisanal + industrial':
        'commerce + artisanat + industrie',
    "'zones Sud' 2,500 firms / 18,000 employees (2013) - scope unclear, may include Longvic: not stored":
        '« zones Sud » 2 500 entreprises / 18 000 salariés (2013) - périmètre incertain, Longvic peut-être compris : non retenu',
    "'zones Sud' 2,500 firms (2013) - scope unclear, may include Longvic: not stored":
        '« zones Sud » 2 500 entreprises (2013) - périmètre incertain, Longvic peut-être compris : non retenu',
    'communes + club Grand Sud':
        'communes + club Grand Sud',
    'label 2013':
        'label 2013',
    "Southern zones (ZA Rente Logerot, ZA Chenôve-Est, Perrigny) on Marsannay-la-Côte, Chenôve and Perrigny-lès-Dijon, labelled 'Les Portes du Sud' in 2013 (communes + club Grand Sud), with retail (Leclerc, Castorama, Metro at Marsannay), crafts and industry. Dijon métropole (bilan 2022) lists 'la ZAE des Portes du Sud' among the older operations it supports. Surface unknown: nominal outline.":
        "Zones du sud (ZA Rente Logerot, ZA Chenôve-Est, Perrigny) sur Marsannay-la-Côte, Chenôve et Perrigny-lès-Dijon, réunies sous le label « Les Portes du Sud » en 2013 (communes + club Grand Sud), avec du commerce (Leclerc, Castorama, Metro à Marsannay), de l'artisanat et de l'industrie. Dijon métropole (bilan 2022) cite « la ZAE des Portes du Sud » parmi les opérations anciennes qu'elle accompagne. Surface inconnue : contour nominal.",
    'at Marsannay-la-Côte (figure in the fact sheet: 180)':
        'à Marsannay-la-Côte (chiffre de la fiche de faits : 180)',
    'at Marsannay-la-Côte (figure in the fact sheet: 120)':
        'à Marsannay-la-Côte (chiffre de la fiche de faits : 120)',
    'at Marsannay-la-Côte (figure in the fact sheet: 60)':
        'à Marsannay-la-Côte (chiffre de la fiche de faits : 60)',
    'at Chenôve':
        'à Chenôve',
    "Divia L4 terminus 'Marsannay Portes du Sud' (47.2789,5.0192)":
        'terminus de la ligne Divia L4 « Marsannay Portes du Sud » (47.2789,5.0192)',
    "Zone d'activités de Chenôve (east, between D974 and railway)":
        "Zone d'activités de Chenôve (est, entre la D974 et la voie ferrée)",
    'unknown (yard alone >13 ha): the marshalling yard is only part of the zone':
        "inconnue (le triage seul plus de 13 ha) : la gare de triage n'est qu'une partie de la zone",
    'Industrial and logistics zone east of Chenôve between the D974 and the railway, including the marshalling yard (more than 13 ha by itself); Urgo has its head office in Chenôve. Surface unknown: nominal outline; position estimated.':
        "Zone industrielle et logistique à l'est de Chenôve entre la D974 et la voie ferrée, gare de triage comprise (plus de 13 ha à elle seule) ; Urgo a son siège à Chenôve. Surface inconnue : contour nominal ; position estimée.",
    'left for Beauregard':
        'partie à Beauregard',
    "'east of the town between the D974 and the railway, with the marshalling yard' - estimated":
        "« à l'est de la ville entre la D974 et la voie ferrée, avec la gare de triage » - estimée",
    'ZI Est de Chevigny (ex ZI de la Norges + ZA des Seize Soitures)':
        'ZI Est de Chevigny (ex ZI de la Norges + ZA des Seize Soitures)',
    'industrial + artisanal':
        'industrie + artisanat',
    '~50 ha (2016)':
        '~50 ha (2016)',
    'unknown (48 firms in 2016, no job count)':
        "inconnu (48 entreprises en 2016, pas de nombre d'emplois)",
    '48 firms (2016)':
        '48 entreprises (2016)',
    'commune':
        'commune',
    'from 1959':
        'à partir de 1959',
    'Industrial and artisanal zone on the route de Magny, east of Chevigny-Saint-Sauveur (ex ZI de la Norges + ZA des Seize Soitures), developed from 1959 by the commune: about 50 ha and 48 firms in 2016. Position estimated.':
        "Zone industrielle et artisanale sur la route de Magny, à l'est de Chevigny-Saint-Sauveur (ex ZI de la Norges + ZA des Seize Soitures), aménagée à partir de 1959 par la commune : environ 50 ha et 48 entreprises en 2016. Position estimée.",
    "'route de Magny', east of the town - estimated":
        "« route de Magny », à l'est de la ville - estimée",
    'ZI & ZA Sud de Chevigny (ZI de la Reppe, ZA des Saussots)':
        'ZI & ZA Sud de Chevigny (ZI de la Reppe, ZA des Saussots)',
    'industrial':
        'industrie',
    'JTEKT 675, Urgo 370, Amora-Maille 200 (commune-level, older data): single employers, not stored':
        'JTEKT 675, Urgo 370, Amora-Maille 200 (échelle communale, données anciennes) : employeurs isolés, non retenu',
    '1964 (BAP)':
        '1964 (BAP)',
    'Industrial zones south of Chevigny-Saint-Sauveur (ZI de la Reppe, ZA des Saussots), dating from 1964 (BAP), with JTEKT, Urgo, Amora-Maille, Alpla, Renolit, Solvay Benvic and Pomona. Surface unknown: nominal outline; position estimated.':
        'Zones industrielles au sud de Chevigny-Saint-Sauveur (ZI de la Reppe, ZA des Saussots), datant de 1964 (BAP), avec JTEKT, Urgo, Amora-Maille, Alpla, Renolit, Solvay Benvic et Pomona. Surface inconnue : contour nominal ; position estimée.',
    'ex-BAP (1964)':
        'ex-BAP (1964)',
    'ex-Peugeot site':
        'ancien site Peugeot',
    'south of the town - estimated':
        'au sud de la ville - estimée',
    'Zones artisanales de Fénay (along RD 996)':
        'Zones artisanales de Fénay (le long de la RD 996)',
    'artisanal / warehouses':
        'artisanat / entrepôts',
    'unknown (2 ZA)':
        'inconnue (2 ZA)',
    '~700 jobs / ~40 firms':
        '~700 emplois / ~40 entreprises',
    '~40 firms':
        '~40 entreprises',
    'Two artisanal / warehouse zones along the RD 996 at Fénay, about 700 jobs and 40 firms according to CBRE. Surface unknown: nominal outline; the point is the Fénay commune centroid (placeholder).':
        "Deux zones artisanales et d'entrepôts le long de la RD 996 à Fénay, environ 700 emplois et 40 entreprises selon CBRE. Surface inconnue : contour nominal ; le point est le centroïde de la commune de Fénay (provisoire).",
    'PLACEHOLDER = Fénay commune centroid':
        'PROVISOIRE = centroïde de la commune de Fénay',
    "Technopôle agro-environnemental Agronov (+ Maison de l'agriculture, INRAE Époisses, ZA 9 ha)":
        "Technopôle agro-environnemental Agronov (+ Maison de l'agriculture, INRAE Époisses, ZA de 9 ha)",
    'technopole (agro-ecology)':
        'technopôle (agroécologie)',
    "technopole area unknown; INRAE experimental domain 140 ha; nearby ZA artisanale/commerciale 9 ha: neither is the technopole's own surface, not stored":
        "surface du technopôle inconnue ; domaine expérimental de l'INRAE 140 ha ; ZA artisanale/commerciale voisine 9 ha : aucune n'est la surface propre du technopôle, non retenu",
    "agrOnov ~40 people; Maison de l'agriculture ~200 staff: parts of the site, no total for the zone: not stored":
        "agrOnov ~40 personnes ; Maison de l'agriculture ~200 salariés : des parties du site, aucun total pour la zone : non retenu",
    'Grand Dijon / SPLAAD; funding Région 4.25 M€, Chambres 3.95, Grand Dijon 3.25, EU 2.5':
        'Grand Dijon / SPLAAD ; financement Région 4,25 M€, Chambres 3,95, Grand Dijon 3,25, UE 2,5',
    'site acquired by Grand Dijon 2008; inaugurated 9 Sep 2016':
        'site acquis par le Grand Dijon en 2008 ; inauguré le 9 septembre 2016',
    "Agro-ecology technopole at Bretenière, 12 km south-east of Dijon, on a site acquired by Grand Dijon in 2008 and inaugurated on 9 September 2016, with the Maison de l'agriculture (Chambre d'agriculture 21), about ten start-ups and INRAE's Époisses domain nearby. Dijon métropole (bilan 2022) announces the renovation of a third building. Area unknown: nominal outline; position estimated near the commune centroid.":
        "Technopôle de l'agroécologie à Bretenière, à 12 km au sud-est de Dijon, sur un site acquis par le Grand Dijon en 2008 et inauguré le 9 septembre 2016, avec la Maison de l'agriculture (Chambre d'agriculture 21), une dizaine de start-up et le domaine INRAE d'Époisses à proximité. Dijon métropole (bilan 2022) annonce la réhabilitation d'un troisième immeuble. Surface inconnue : contour nominal ; position estimée près du centroïde de la commune.",
    "Maison de l'agriculture (Oct 2015)":
        "Maison de l'agriculture (octobre 2015)",
    'silo':
        'silo',
    '~10 start-ups':
        'une dizaine de start-up',
    'Bretenière commune centroid 47.236,5.104, 12 km SE of Dijon - estimated':
        'centroïde de la commune de Bretenière 47.236,5.104, à 12 km au sud-est de Dijon - estimée',
    'Cité internationale de la gastronomie et du vin (mixed quarter)':
        'Cité internationale de la gastronomie et du vin (quartier mixte)',
    'mixed tertiary / commercial / tourism':
        'mixte : tertiaire / commerce / tourisme',
    '6.3-6.5 ha (site): 6,5 hectares (batiactu); 6,3 hectares (Eiffage Immobilier). Stored 6.5: the figure of the article on the whole quarter (batiactu).':
        "6,3-6,5 ha (site) : 6,5 hectares (batiactu) ; 6,3 hectares (Eiffage Immobilier). Valeur retenue 6,5 : le chiffre de l'article sur l'ensemble du quartier (batiactu).",
    'hotel >80 direct jobs (one component): not stored':
        'hôtel plus de 80 emplois directs (une composante) : non retenu',
    'Eiffage Aménagement':
        'Eiffage Aménagement',
    'opened 6 May 2022':
        'ouverte le 6 mai 2022',
    "Mixed quarter (tertiary, retail, tourism) opened on 6 May 2022 on a 6.3-6.5 ha site by the tram stop 'Monge Cité de la Gastronomie', developed by Eiffage Aménagement, with the école Ferrandi, the BIVB wine school, cinemas, a Curio by Hilton hotel and the Village by CA. Not an activity zone as such (site_type 'autre').":
        "Quartier mixte (tertiaire, commerce, tourisme) ouvert le 6 mai 2022 sur un site de 6,3-6,5 ha près de l'arrêt de tram « Monge Cité de la Gastronomie », aménagé par Eiffage Aménagement, avec l'école Ferrandi, l'école du vin du BIVB, des cinémas, un hôtel Curio by Hilton et le Village by CA. Pas une zone d'activités à proprement parler (site_type « autre »).",
    'wine school':
        'école du vin',
    'cinemas':
        'cinémas',
    "tram stop 'Monge Cité de la Gastronomie' (47.3174,5.0314)":
        'arrêt de tram « Monge Cité de la Gastronomie » (47.3174,5.0314)',
}

# Tenants' names that carry English words (the others are proper names, the same in both
# languages): the French shown in the French interface.
NAME_FR = {
    'APRR centre': 'centre APRR',
    'Axim / Golaxy Park (ex-Chocolaterie de Bourgogne site)':
        'Axim / Golaxy Park (ancien site de la Chocolaterie de Bourgogne)',
    'BIVB school': 'école du BIVB',
    'CEN group': 'groupe CEN',
    "Caisse d'Épargne BFC (regional HQ 'Le Valmy')":
        "Caisse d'Épargne BFC (siège régional « Le Valmy »)",
    'EDF (regional HQ)': 'EDF (siège régional)',
    'Lazard business park': "parc d'affaires Lazard",
    'gendarmerie school': 'école de gendarmerie',
}
