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
