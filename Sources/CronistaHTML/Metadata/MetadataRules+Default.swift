extension MetadataRules {
    /// The default metadata rules as data (see `MetadataRules.default` for the format).
    static let table = """
        [date]
        article:published_time
        og:article:published_time
        og:published_time
        datepublished
        article.published
        published_time
        publishdate
        publish-date
        publish_date
        pubdate
        dc.date.issued
        dcterms.issued
        dcterms.created
        citation_publication_date
        parsely-pub-date
        sailthru.date
        originalpublicationdate
        article:post_date
        dc.date.created

        # Generic names, often the last change or the page's build: after `<time>` and date elements.
        [date-weak]
        date
        dc.date
        dcterms.date

        # Class or id words of an element whose text is the article's date.
        [date-class]
        date
        datum
        fecha
        data
        timedata
        dateline
        published
        submitted
        created
        time

        [author]
        author
        article:author
        dc.creator
        dcterms.creator
        parsely-author
        sailthru.author
        byl
        citation_author

        [title]
        og:title
        twitter:title
        dc.title
        headline

        [site]
        og:site_name
        application-name
        publisher

        [byline]
        author
        byline
        autore
        firma
        writer
        creator
        autor
        auteur
        verfasser

        [comments]
        comment
        comments
        commenti
        kommentare
        respond
        reply
        replies
        discussion

        [byline-prefix]
        ein
        eine
        un
        una
        publiziert
        veröffentlicht
        pubblicato
        published
        autor
        text
        texte
        testo
        autorin
        autore
        autrice
        auteur
        verfasst
        artikel
        by
        author
        posted
        written
        di
        da
        von
        par
        por
        de

        # Words after the name in a byline (`Anna Rossi am 3. Mai`, `… on September 21`, `… Alle Artikel`).
        [byline-stop]
        am
        um
        on
        at
        vor
        stand
        le
        il
        el
        alle
        mehr
        published
        updated
        veröffentlicht
        aktualisiert
        pubblicato
        aggiornato

        # A byline with one of these words in its first four is a credit for something else.
        [byline-reject]
        foto
        fotos
        photo
        photos
        bild
        bilder
        image
        credit
        credits
        theme
        designed
        design
        webdesign
        powered
        template
        hosted

        # A short text starting with one of these words is a byline (`By Anna Rossi`, `Autor: …`).
        [byline-text-start]
        by
        von
        di
        par
        por
        autor
        autorin
        author
        autore
        autrice
        auteur
        text
        texte
        testo
        written
        posted
        redaktion
        verfasst

        # A short text ending with one of these words is followed by the author's name (`Ein Artikel von`).
        [byline-text-end]
        by
        von
        di
        par
        por

        # Words skipped between a day, a month and a year (`5 de junio de 2018`).
        [date-fillers]
        de
        del
        of
        the
        # English ordinals: December 29th 2019.
        st
        nd
        rd
        th

        # JSON keys of a page's state in a script (not JSON-LD) that hold its publication date: read
        # only when nothing else on the page gives one.
        [date-script]
        datePublished
        publishedDate
        publishedAt
        published_at
        publishDate
        publish_date
        publicationDate
        firstPublished
        createdAt

        # A publisher's zone by country (its country-code domain, or the region of the page's lang):
        # standard offset in minutes and daylight saving (none, eu, us). Countries with several zones
        # take the one most of their press works in; southern-hemisphere daylight saving is left out.
        [zones]
        uk 0 eu
        gb 0 eu
        ie 0 eu
        pt 0 eu
        it 60 eu
        sm 60 eu
        va 60 eu
        de 60 eu
        at 60 eu
        ch 60 eu
        li 60 eu
        fr 60 eu
        be 60 eu
        nl 60 eu
        lu 60 eu
        es 60 eu
        dk 60 eu
        se 60 eu
        no 60 eu
        pl 60 eu
        cz 60 eu
        sk 60 eu
        hu 60 eu
        si 60 eu
        hr 60 eu
        rs 60 eu
        ba 60 eu
        mt 60 eu
        al 60 eu
        fi 120 eu
        ee 120 eu
        lv 120 eu
        lt 120 eu
        gr 120 eu
        ro 120 eu
        bg 120 eu
        ua 120 eu
        cy 120 eu
        ru 180 none
        by 180 none
        tr 180 none
        in 330 none
        cn 480 none
        hk 480 none
        sg 480 none
        jp 540 none
        kr 540 none
        us -300 us
        ca -300 us
        mx -360 none
        co -300 none
        pe -300 none
        ec -300 none
        ve -240 none
        bo -240 none
        ar -180 none
        uy -180 none
        br -180 none

        # Languages whose pages come from one country for the most part (not English, Spanish,
        # Portuguese or French: their press is on several continents).
        [zone-languages]
        it it
        de de
        nl nl
        fi fi
        pl pl
        cs cz
        sk sk
        hu hu
        sl si
        hr hr
        ro ro
        bg bg
        el gr
        da dk
        sv se
        nb no
        et ee
        lv lv
        lt lt
        ja jp
        ko kr
        ru ru
        uk ua
        tr tr

        [months]
        1 january jan gennaio gen januar jänner janvier enero
        2 february feb febbraio febbr februar février fevrier febrero
        3 march mar marzo märz maerz mars
        4 april apr aprile avril abril
        5 may maggio mag mai mayo
        6 june jun giugno giu juni juin junio
        7 july jul luglio lug juli juillet julio
        8 august aug agosto ago août aout
        9 september sep sept settembre set septembre septiembre
        10 october oct ottobre ott oktober okt octobre octubre
        11 november nov novembre noviembre
        12 december dec dicembre dic dezember dez décembre decembre diciembre
        """
}
