// The cue word lists: the one place they are kept. Read twice, through a
// `cue_lists!` macro each reader defines: by build.rs, which compiles each
// list into byte-serialised NFAs (no regex compile at run time, issue 15),
// and by src/cues/mod.rs, which makes each list a function that loads
// them. Each list is a set of patterns joined into one case-insensitive
// regex (anchored: the whole text must match), so a match also tells which
// cue fired (the UI shows it as a reason). Markup lists match class, id and
// aria tokens; text lists match what a reader sees, in the corpora's
// languages (en, de, fr, es, pt, cs, zh, ja).
//
// Keep every list DFA-friendly: no Unicode classes under bounded repetition
// (`[\w ]{1,30}` once made one list 300 times slower than the rest), and
// ASCII word boundaries: Unicode ones force the slow NFA engines on every
// non-ASCII text (a profile put 75% of the analysis there), and every cue
// starts and ends with an ASCII letter or is written without boundaries
// (build.rs makes every `\b` an ASCII one).

cue_lists! {
    /// Class/id tokens of elements that are rarely the article (Readability's
    /// `unlikelyCandidates`).
    unlikely_attr, anchored = false, [
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community",
        "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu",
        "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social",
        "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote",
    ];

    /// Tokens that rescue an element from `unlikely_attr` (Readability's
    /// `okMaybeItsACandidate`).
    maybe_candidate_attr, anchored = false, [
        "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
    ];

    /// Class/id tokens of article containers.
    positive_attr, anchored = false, [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
        "pagination", "post", "text", "blog", "story",
    ];

    /// Class/id tokens of page chrome.
    negative_attr, anchored = false, [
        "-ad-", r"\bhidden\b", r"\bhid\b", "banner", "combx", "comment", "com-", "contact",
        "footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related",
        "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
        "tags", "widget",
    ];

    /// Class/id/aria tokens of advertising, sponsored and sign-up boxes.
    promo_attr, anchored = false, [
        r"(?:^|[\s_-])ads?(?:$|[\s_-])", r"(?:^|[\s_-])ad(?:slot|unit|box|wrap|container|vert)",
        "advert", r"(?:^|[\s_-])dfp", "gpt-ad", "google_ads", "adsense", "sponsor", "promo",
        "newsletter", "subscribe", "subscription", "signup", "sign-up", "paywall", "donat",
        "membership", "affiliate", "commercial", "marketing", r"(?:^|[\s_-])cta(?:$|[\s_-])",
        "partner-content", "native-ad", "paid-content", "anzeige", "werbung", "publicite",
        "publicidad", r"(?:^|[\s_-])share(?:$|[\s_@-]|bar|tool|btn|button|icon|item|link|menu|count|s(?:$|[\s_-]))", "sharing", "social", "follow-us", "followus",
        "app-promo", "app-download", "abonnement", "abo-",
    ];

    /// Class/id tokens of recirculation widgets.
    related_attr, anchored = false, [
        "related", "recommend", "more-stories", "morestories", "more-news", "read-more",
        "readmore", "read-next", "readnext", "most-popular", "mostpopular", "most-read",
        "mostread", "popular", "trending", "recirc", "outbrain", "taboola", "also-read",
        "further-reading", "you-may", "youmay", "suggest", "next-article", "more-from",
        "morefrom", "zergnet", "plista", "ligatus", "verwandt", "weitere",
    ];

    /// Class/id/role tokens of menus, footers, comments and other chrome.
    boilerplate_attr, anchored = false, [
        r"(?:^|[\s_-])nav", "navbar", "navigation", "menu", "footer", "breadcrumb",
        "comment", "disqus", "cookie", "consent", "gdpr", "copyright", "pagination", "pager", "login", "masthead", "skip-link",
        "toolbar", r"(?:^|[\s_-])tags?(?:$|[\s_-])", "tag-list", "taglist", "site-header",
        "topbar", "print", r"author-?(?:bio|box|info|details|profile)", r"about-?(?:the-?)?author",
        r"autor(?:en)?-?(?:box|info|profil)", r"bio-?box",
    ];

    /// Headings and lead-ins that introduce a list of other articles.
    related_heading, anchored = false, [
        r"^related\b", r"^more (?:related )?(?:stories|news|articles|coverage|headlines|from|on|in|like this|to read|to explore|videos?)\b",
        r"^read (?:more|next|also)\b", r"^(?:see|watch|listen) (?:also|more)\b",
        r"^you (?:may|might|will|could) (?:also )?(?:like|love|enjoy|be interested)",
        r"^recommended\b", r"^(?:most|the most) (?:popular|read|viewed|shared|commented|emailed)",
        r"^(?:trending|popular)(?: now| stories| articles| news)?\b", r"^top (?:stories|news|articles)\b",
        r"^editor'?s? (?:picks|choice)", r"^further reading", r"^in other news", r"^also (?:on|in|read)\b",
        r"^latest (?:news|stories|articles|videos|posts)", r"^what to read next",
        r"^don'?t miss", r"^(?:recent|popular|similar) (?:posts|articles|stories)",
        r"^(?:around|elsewhere) (?:the web|on)", r"^from (?:around|elsewhere|our network)",
        r"^(?:selected|featured|trending|top|must-?read|editor'?s?) (?:articles?|stories|posts|reads|content|videos)\b", r"^next in\b",
        r"^(?:more|other) (?:top )?(?:stories|articles|news|headlines)",
        r"^(?:more|other) [^,.:;!?|/()\[\]]{1,24} (?:news|stories|articles|columns|headlines|videos|posts)\b",
        r"^(?:previous|prev|next|older|newer) (?:post|article|story|entry|posts|articles|stories)\b",
        r"^\d+ related (?:articles|stories|posts)", r"^(?:show|see|view|load) more related\b",
        r"^weitere (?:artikel|beiträge|nachrichten|themen|meldungen)", r"^mehr (?:zum thema|dazu|aus|artikel|nachrichten)",
        r"^das könnte sie (?:auch )?interessieren", r"^lesen sie (?:auch|mehr)", r"^auch interessant",
        r"^verwandte (?:artikel|themen|beiträge)", r"^meistgelesen", r"^empfohlen",
        r"^(?:à )?lire (?:aussi|également|la suite)", r"^sur le même (?:sujet|thème)",
        r"^articles? (?:similaires|liés|connexes)", r"^les plus (?:lus|populaires|partagés|commentés|consultés)",
        r"^(?:à|a) (?:voir|découvrir) aussi", r"^noticias relacionadas", r"^te puede interesar",
        r"^(?:lo )?más (?:leído|visto|popular)", r"^relacionad[oa]s", r"^(?:lea|leer|ver) (?:también|más)",
        r"^leia (?:também|mais)", r"^veja (?:também|mais)", r"^mais (?:lidas|lidos|notícias)",
        r"^principais (?:do dia|notícias)", r"^(?:últimas|outras) notícias",
        r"^související", r"^(?:čtěte|přečtěte si) (?:také|též|více)", r"^nejčtenější",
        r"^další (?:články|zprávy)", r"^(?:czytaj|zobacz|przeczytaj) (?:też|także|więcej)", r"^polecamy",
        r"^(?:das|dieses) (?:thema )?könnte (?:dich|sie) (?:auch )?interessieren", r"^schon gelesen",
        r"^weiterführende (?:links?|artikel|informationen)", r"^weitere (?:tipps|informationen|links|tourentipps)",
        r"^(?:leggi|vedi) anche", r"^(?:potrebbe|ti potrebbe) interessar", "^相关", "^推荐", "^热门", "^更多", "^関連", "^おすすめ",
        "^人気", "^こちらもおすすめ",
    ];

    /// A label and colon that introduce a link to another article inline.
    related_lead_in, anchored = false, [
        r"^(?:read|lire|lesen sie|leia|lea|lee|see|watch|listen|learn more|more|related|also read|read also|read more|mehr|siehe|voir|ver|veja|čtěte|weiterlesen|auch lesen|czytaj(?: też| także| więcej)?|zobacz(?: też| także)?|dowiedz się więcej|przeczytaj(?: też| także)?|leggi anche|vedi anche)\s*:",
        r"^\d+ related (?:articles|stories|posts)",
    ];

    /// Short lines that label an advertising or sponsored slot.
    ad_label, anchored = true, [
        "advertisement", "advertising", "advertisment", "ad", "ads", "sponsored",
        "sponsored (?:content|stories|links|by .{1,40}|post)", "paid (?:content|post|partnership|promotion)",
        "promoted(?: (?:content|stories|by .{1,40}))?", "partner content", "anzeige", "werbung",
        "publicité", "publicidad", "publicidade", "reklama", "広告", "广告", "story continues below advertisement",
        "article continues below(?: advertisement)?", "continue reading below", "scroll to continue with content",
        "(?:advertisement|anzeige|publicité|publicidad)(?: ?[-:·.–—|] ?.{1,40})?", "sponsored advert(?:isement)?", "[^ ]{1,30}(?: [^ ]{1,30}){0,3} (?:sponsored|promoted)",
        "sponzorováno", "sponsorisé", "patrocinado", "gesponsert", "プロモーション", "推广", "paid partner(?:ship)?",
    ];

    /// Phrases of promotional copy: partners, offers, sign-up and support
    /// appeals, app and social prompts, the site's own promotion.
    promo_text, anchored = false, [
        r"\bour (?:partners?|sponsors?) (?:at|from)\b", r"\bin partnership with\b", r"\bpresented by\b",
        r"\bsponsored by\b", r"\bbrought to you by\b", r"\bpaid (?:for|partnership)\b",
        r"\bsign up (?:for|to)\b", r"\bsubscribe (?:to|for|now|today)\b",
        r"\bin your inbox\b", r"\bdelivered to your inbox\b", r"\bnever miss a(?:n)? (?:story|update|thing)\b",
        r"\bsupport (?:our|independent|quality)? ?journalism\b", r"\bbecome a (?:member|subscriber|patron|supporter)\b",
        r"\bdonate (?:now|today)\b", r"\bmake a (?:donation|gift)\b", r"\bdownload (?:our|the) app\b",
        r"\bfollow us on\b", r"\blike us on facebook\b", r"\bjoin (?:us|our) (?:on|mailing|community)\b",
        r"\bmailing list\b", r"\b\d{1,2} ?% off\b", r"\bfree shipping\b", r"\border (?:now|today)\b",
        r"\bbuy now\b", r"\bshop now\b", r"\blimited time\b", r"\bthis week only\b",
        r"\bearly bird\b", r"\bdiscount code\b", r"\bpromo code\b",
        r"\bvisit [a-z0-9.-]+\.(?:com|news|net|org|co|info|tv)\b", r"\bfor more (?:stories|news|articles) (?:about|on|like)\b",
        r"\bwatch (?:this|the) video\b", r"\bthis video is from\b", r"\bsubscribe to (?:our|the) (?:channel|podcast|youtube)\b",
        r"\bwe depend on (?:ad|advertising|reader)", r"\bfewer ads\b", r"\bad-free\b", r"\bturn off (?:your )?ad ?blocker\b",
        r"\bunsubscribe (?:at )?any ?time\b", r"\bjetzt (?:abonnieren|bestellen|anmelden)\b", r"\bnewsletter abonnieren\b",
        r"\bunterstützen sie\b", r"\babonnez-vous\b", r"\binscrivez-vous\b", r"\bsuscríbete\b", r"\bsuscribete\b",
        r"\bassine\b", r"\binscreva-se\b", r"\bpřihlaste se k odběru\b", r"\bodhlásit se můžete\b",
        r"\bpředplat", "订阅", "購読", "登録はこちら", r"\bunlimited access\b", r"\bget the (?:[a-z0-9.-]+ ){1,4}app\b",
        r"\bopen in the app\b", r"\b(?:breaking news )?alerts? (?:to|in) your inbox\b",
        r"\bfunded by (?:readers|our readers)\b", r"\bfrom our (?:sponsors?|partners?)\b", r"\badvertiser content\b",
        r"\bas low as \$", r"\bfree trial\b", r"\bdays free\b",

        r"\bbesuchen sie unseren\b",
        r"\bdownload the (?:[a-z0-9.-]+ ){1,4}apps?\b", r"\bjetzt (?:spenden|unterstützen|testen)\b",
        r"\bfaire un don\b", r"\bsoutenez\b",
        r"\bzaprenumeruj\b", r"\bwesprzyj\b",
        r"\bskip (?:this )?ad\b", r"\b(?:is )?supported by:?$", r"\bbecome (?:a )?(?:part|member) of our\b",
        r"\bwe['’]?ll deliver\b", r"\blike us on\b", r"\bfollow us\b",
        r"^share (?:this|on|via)\b", r"\bclick to share\b", r"\bshare (?:this|the) (?:article|story|post)\b",
        r"\bje m'abonne\b", r"\bsuscr[ií]bete\b", r"\brecib[ií] (?:por|en tu) (?:e-?mail|mail|correo)\b",
        // Affiliate and advertising disclosures.
        r"\baffiliate[- ]links?\b", r"\bprovision vom (?:händler|anbieter|verkäufer)", r"\b(?:erhalten|bekommen) wir (?:ggf\. |eventuell |möglicherweise )?(?:eine )?(?:kleine )?provision",
        r"\bwe (?:may )?(?:earn|receive|get) (?:a )?(?:small )?(?:commission|compensation)\b", r"\badvertisers do not influence\b",
        r"\b(?:beitrag|artikel|post|video) enthält (?:werbung|anzeigen|produktplatzierung)", r"\bunbezahlte werbung\b",
        // Support, membership and subscription appeals.
        r"\bcancel (?:at )?any ?time\b", r"\bcancela cuando quieras\b", r"\bjederzeit kündbar\b", r"\brésiliable à tout moment\b",
        r"\bhazte (?:miembro|socio|suscriptor|mecenas)\b", r"\bwerde (?:jetzt )?(?:mitglied|abonnent|unterstützer)", r"\bdevenez (?:membre|abonné)",
        r"\balready a (?:subscriber|member)\b", r"\bsubscribers (?:also )?(?:receive|get)\b", r"\bsubskrypcj", r"\bunterstütze (?:uns|unsere arbeit)\b",
        r"\bif you (?:enjoyed|liked) (?:reading )?this (?:post|article|story|piece)\b", r"\bgefällt (?:dir|euch|ihnen) unser",
        r"\b(?:kennt ihr|kennst du|kennen sie) schon unser", r"\bnever miss (?:the latest|out on|another)\b",
        // The site's own channels.
        r"\b(?:nuestro|nuestra) canal de (?:youtube|telegram|whatsapp)\b", r"\bcanal de (?:telegram|whatsapp)\b", r"\bunse(?:r|ren|rem) (?:youtube|telegram|whatsapp)-?kanal\b",
        r"\bour (?:youtube|telegram|whatsapp) channel\b", r"\bkeep up with us on\b",
        // The publication's accounts ("Follow The Gleaner on Twitter"),
        // not an author's ("follow him on Twitter" ends a bio).
        r"\bfollow the (?-u:[a-z0-9@.]){2,30}(?: (?-u:[a-z0-9@.]){2,30})? on (?:twitter|facebook|instagram|linkedin|tiktok)\b",
        // Promo with none of the phrases above (issue 13, cause 4; missed
        // on the WCXB label pages): app and push prompts, search-engine
        // source prompts, donation and membership appeals, print and
        // guide offers, social proof, newsletter cadence.
        r"\bget the app\b", r"\b(?:turn on|allow|enable) (?:push )?notifications\b",
        r"\badd (?:[^ ]{1,30} ){0,3}as a (?:[^ ]{1,20} ){0,3}(?:preferred|trusted|reliable)\b", r"\bpreferred source on google\b",
        r"\bkeep (?:[^ ]{1,30} ){1,3}free and independent\b", r"\byour generosity\b",
        r"\b(?:your|a) (?:gift|donation|contribution) (?:powers|helps|supports|makes|keeps)\b", r"\bdonate (?:to|or join)\b",
        r"\bdelivered (?:daily|weekly|every (?:day|week|morning|weekday))\b", r"\bnew episodes (?:every|weekdays|weekly|daily)\b",
        r"\b(?:buy|get|order) the (?:print|digital) (?:edition|issue|magazine)\b", r"\bbuy the print\b",
        r"\bget (?:a |your |our )?free (?:guide|ebook|e-book|report|quote|consultation|demo|sample)\b", r"\bfree (?:webinar|demo)\b",
        r"\bjoin (?:over )?\d[\d,.]*\s?[km]?\+? (?:[^ ]{1,20} )?(?:users|readers|subscribers|members|customers|developers|professionals|people)\b",
        r"\bover \d[\d,.]*\s?[km]?\+? (?:[^ ]{1,20} ){0,2}(?:use|trust|rely on)\b", r"\brated \d(?:\.\d)? (?:out of 5 )?stars? by\b",
        r"\bfollow (?:us )?on (?:instagram|twitter|facebook|tiktok|youtube|linkedin|threads|bluesky|pinterest)\b",
        r"\bstart your (?:free )?(?:trial|subscription|membership)\b", r"\b(?:upgrade to|go) premium\b",
        // Paywall prompts, reader appeals and self-promotion written as
        // body paragraphs (issue 13, cause 4; missed on the WCXB label
        // pages: a paywall box, an end-of-article donation appeal, a
        // founder's message, a sister-site plug).
        r"\bexclusive to (?:[^ ]{1,20} ){0,3}(?:subscribers|members)\b", r"\bunlock (?:this|the full|full|unlimited) (?:article|story|access)\b",
        r"\bsupport our (?:mission|work|reporting|journalism|newsroom)\b", r"\b(?:a|one) small favou?r to ask\b",
        r"\bconsider (?:supporting|pitching in|chipping in|(?:making )?a (?:donation|contribution|gift)|becoming a (?:member|supporter|subscriber|patron))\b",
        r"\bevery dollar you (?:give|donate)\b", r"\bour sister (?:site|sites|publication|publications|magazine|title)\b",
        r"\bour (?:free |daily |weekly |monthly |e-?mail )+newsletters?\b",
        r"\bread (?:our|the) (?:latest |new |current |[a-z]+ )?issue\b", r"^the (?:[^ ]{1,20} ){1,4}issue,? featuring\b",
        r"^a (?:personal )?(?:note|message|letter) from (?:[^ ]{1,30} ){1,4}(?:co-?founder|founder|editor|editor-in-chief|publisher|ceo)\b",
    ];

    /// Words that lean promotional but also occur in stories ("shop",
    /// "subscribe"): evidence only next to a strong phrase, or outside the
    /// article body.
    promo_weak, anchored = false, [
        r"\bsign up\b", r"\bsubscribe\b", r"\bjoin (?:us|our)\b", r"\bsupport (?:the|us)\b", r"\bnewsletters?\b",
        r"\babonnez\b", r"\babonnieren\b", r"\bassinar\b", r"\bunterstütze[n]? (?:uns|sie|mich)", r"\b(?:fan-?)?shop\b",
        r"\bspenden\b", r"\bdona(?:r|ción|ciones)\b", r"\bsuscri(?:be|bir|pción)", r"\bprenumer", r"\bcoupon\b",
        r"\babonnements?\b", r"\b(?:digital|jahres|probe|mini)abos?\b", r"\bassinaturas?\b", r"\bpředplatné\b",
        "キャンペーン", "今なら", "お得", "特典", "受付中", "立即(?:更新|下载|下載|购买|購買|注册|订阅|领取)",
        "优惠", "限时", "扫码关注", "関連広告",
        // Issue 13, cause 4: appeals and offers without a strong phrase.
        r"\bdonat(?:e|ion|ions)\b", r"^try (?:[^ ]{1,20} ){0,2}[^ ]{1,20}$", r"^ready for more\??$", r"\bstart your day\b",
        r"\bjoin (?:the|our) (?:[^ ]{1,20} ){0,4}(?:board|community|program|programme|club|waitlist|network)\b",
        r"\bwebinars?\b", r"\bgift guides?\b", r"\bpremium (?:membership|subscription|access)\b",
    ];

    /// Link texts that ask the reader to act (calls to action).
    call_to_action, anchored = false, [
        r"^(?:learn|find out|read|discover) more(?: about| here| now)?\b", r"^(?:shop|buy|order|book) (?:now|today|here)",
        r"^get (?:started|yours|it now|the deal|offer|access)", r"^sign ?up\b", r"^subscribe\b", r"^join (?:now|today|us)\b",
        r"^donate\b", r"^register\b", r"^(?:try|start) (?:it )?(?:for )?free", r"^claim\b", r"^download (?:now|the app|our app)",
        r"^send a message\b", r"^take action\b", r"^support us\b", r"^jetzt\b", r"^mehr erfahren", r"^en savoir plus",
        r"^más información", r"^saiba mais", r"^zjistit více",
    ];

    /// Lines that belong to comment sections and page furniture.
    boilerplate_text, anchored = false, [
        r"^comments?(?: \(\d+\))?$", r"^\d+ comments?$", r"^(?:leave|post|add|write) a (?:comment|reply)",
        r"^comments are closed", r"you must (?:be )?log(?:ged)? ?in", r"\bto (?:post a )?comment\b",
        r"^(?:tweet|pin it|email|print)$", r"^tags?:", r"^tagged (?:under|with|as):?",
        r"^filed under:?", r"^categor(?:y|ies):", r"^tagged:", r"^in this article:",
        r"\bpara (?:poder )?comentar\b", r"\bum (?:einen )?(?:kommentar|zu kommentieren)", r"\bpour (?:pouvoir )?commenter\b",
        r"\bpro (?:přidání )?komentář", r"©|\bcopyright|\ball rights reserved\b", r"\bprawem autorskim\b", r"\burheberrechtlich geschützt",
        r"\bderechos reservados\b", r"\bdroits réservés\b", r"\bdireitos reservados\b", r"\bwritten permission\b",
        r"^(?:schlagwörter|schlagworte|stichworte|themen|tags|etiquetas|mots-clés|štítky)\s*:",
        r"\bwe use cookies\b", r"\bcookie (?:policy|settings)\b", r"\bprivacy (?:policy|notice)\b",
        r"\bterms (?:of (?:use|service)|and conditions)\b", r"^(?:skip|jump) to (?:(?:the )?main )?(?:content|navigation|menu|footer|search|main)\b", r"^back to top$",
        r"\bnot responsible for the content of external\b", r"^kommentare?\b", r"^impressum$", r"^datenschutz",
        r"^alle rechte vorbehalten", r"^tous droits réservés", r"^todos los derechos reservados",
        r"^(?:zum|zur) (?:seitenanfang|startseite)", r"^(?:nach )?oben$",
        // Post metadata, rating and sharing widgets, legal notes.
        r"^this entry was posted\b", r"^(?:der|dieser) (?:beitrag|artikel|text) wurde (?:am|zuerst|veröffentlicht|erstellt)\b",
        r"^(?:bookmark the )?perma(?:link|lien)\.?$", r"^categor(?:y|ies)\s*:", r"^(?:last modified|zuletzt geändert|letzte änderung)\s*:?$",
        r"\b(?:den|diesen) (?:artikel|beitrag) (?:bewerten|teilen)\b", r"\bwar (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)",
        r"\bwas this (?:article|post|page) (?:helpful|useful)", r"^rate this (?:article|post|story)\b", r"\bkeine bewertungen\b", r"^no ratings yet\b",
        r"\bcopyrighted property\b", r"\bnicht eingeloggt\b", r"^(?:wird geladen|loading)(?:\.\.\.|…)?$", r"^zurück(?: zur (?:übersicht|listenansicht|startseite))?$",
        r"\b(?:gibt|gibt nur) die meinung (?:des|der) (?:autors|autorin|verfasser)", r"\balle angaben ohne gewähr\b",
        r"\bsofern nicht anders (?:angegeben|ausgewiesen|vermerkt)\b", r"\bunless otherwise (?:noted|stated|indicated)\b",
    ];

    /// Photo and source credits ("Foto: Getty", "(REUTERS/Name)", "Bild via").
    credit_line, anchored = false, [
        r"^\(?(?:fotos?|photos?|photograph|bild(?:er)?|image|images|titelbild|credits?(?: photos?)?|crédits?(?: photos?)?|crédito|créditos|quelle|source|fuente|fonte|foto\s?credit|picture|illustration|grafik|video)\s*(?:[:©]|via\b)",
        r"\((?:foto|photo|bild|crédito|credit|quelle|fuente|fonte)\s*:[^)]*\)\.?$",
        r"^(?:©|\(c\))\s*\S", r"\s(?:/|\|)\s*(?:©|\(c\))\s*[^/|]{2,40}$",
        r"\((?:reuters|afp|ap|dpa|epa|getty(?: images)?|efe|ansa)(?:/[^)]*)?\)\.?$",
        r"(?:shutterstock|getty ?images|istock(?:photo)?|adobe ?stock|unsplash|pixabay|imago|picture-alliance|dpa)(?:\.com)?\)?\.?$",
    ];

    /// Words of a date or time line, in the corpora's languages.
    date_word, anchored = false, [
        r"\d+(?:st|nd|rd|th|er|\.)?", r"(?-u:\b)(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?-u:\b)",
        r"(?-u:\b)(?:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)",
        r"(?-u:\b)(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)",
        r"(?-u:\b)(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)",
        r"(?-u:\b)(?:janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)",
        r"(?-u:\b)(?:ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince)",
        r"(?-u:\b)(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?(?-u:\b)", r"(?-u:\b)(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)",
        r"(?-u:\b)(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)",
        r"(?-u:\b)(?:updated|update|published|posted|last modified|modified|aktualisiert|veröffentlicht|erstellt|stand|publié|mis à jour|publicado|actualizado|atualizado|aktualizováno|on|am|um|uhr|at|le|el|de|del|à|a|em|das|vom|von|the|of|o'clock|am|pm|a\.m\.|p\.m\.|gmt|utc|cet|cest|est|edt|pst|pdt|bst|mez|mesz|h|hrs|heute|gestern|today|yesterday)(?-u:\b)",
        "年", "月", "日", "時", "分",
    ];

    /// What makes a line a date rather than any number: a day.month.year
    /// shape, a time, a month name or CJK date characters.
    date_shape, anchored = false, [
        r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}", r"\d{1,2}:\d{2}", r"\d{1,2}\.\s?[A-Za-zÀ-ž]{3,}",
        r"(?-u:\b)(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d", r"\d{4}年|\d{1,2}月\d{1,2}日",
        r"\d{1,2}\s+(?:de\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|avr|mai|juin|juil|août|sept|déc|ene|abr|ago|dic|mär|okt|dez)[a-zéû]*",
    ];

    /// Class/id tokens of figure captions and photo credits.
    caption_attr, anchored = false, [
        "caption", r"photo_*-*desc", r"image_*-*desc", r"img_*-*desc", r"(?:^|[\s_-])legend",
        "bildunterschrift", "legende", "légende", "popisek",
    ];

    /// Class/id words marking an author line (Readability's `byline`).
    byline_attr, anchored = false, [
        "byline", "author", "dateline", "writtenby", "p-author",
    ];

    /// A `<meta property>` naming an article field (Readability's
    /// `propertyPattern`; `property` may list several space-separated
    /// values, so the match is the key).
    meta_property, anchored = false, [
        r"\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*",
    ];

    /// A `<meta name>` naming an article field (Readability's
    /// `namePattern`; `name` holds a single value).
    meta_name, anchored = true, [
        r"\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-.:]\s*)?(author|creator|pub-date|description|title|site_name)\s*",
    ];

    /// A date already in standard form: `YYYY-MM-DD`, or that with
    /// `THH:MM[:SS[.f]]` and `Z`/`±HH:MM` (case-sensitive, unlike the
    /// lists above).
    rfc3339_like, anchored = true, [
        r"(?-i:\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)",
    ];
}
