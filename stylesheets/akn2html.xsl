<?xml version="1.0" encoding="UTF-8"?>
<!--
  akn2html.xsl: Akoma Ntoso 3.0 resolutions to standalone HTML5 pages.

  respub runs it in process (respub -t html); any XSLT 1.0 processor gives
  the same page:
    respub -\-strings -o strings.xml
    xsltproc -\-nonet -\-nowrite -\-nomkdir -\-stringparam strings strings.xml \
      akn2html.xsl S-RES-1377-2001.xml

  Input: an AKN document (one page), or a respub site catalog
  (s:site, written by respub site) for the site's index pages.
  The page shell comes from $template; the interface text (labels,
  navigation, dates) from templates/labels/<lang>.conf and the month
  names of lang/<lang>.conf, which respub adds to the shell and
  respub -\-strings writes for a run elsewhere (-\-stringparam strings).
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
  xmlns:t="urn:x-respub:template"
  xmlns:s="urn:x-respub:site"
  exclude-result-prefixes="akn t s">

<!-- Indentation of the AKN is not content: the page must not depend on
     whether the XML was pretty-printed. -->
<xsl:strip-space elements="akn:akomaNtoso akn:statement akn:doc akn:act
  akn:bill akn:portion akn:meta akn:preface akn:preamble akn:mainBody
  akn:body akn:portionBody akn:debate akn:debateBody akn:judgment
  akn:judgmentBody akn:header akn:documentCollection akn:collectionBody
  akn:debateSection akn:speech akn:question akn:answer akn:speechGroup
  akn:introduction akn:background akn:arguments akn:remedies
  akn:motivation akn:decision akn:amendment akn:amendmentBody
  akn:conclusions akn:attachments akn:attachment akn:components
  akn:component akn:content akn:container akn:blockContainer akn:paragraph
  akn:subparagraph akn:point akn:item akn:list akn:blockList akn:intro
  akn:wrapUp akn:listIntroduction akn:listWrapUp akn:formula
  akn:authorialNote akn:section akn:part akn:chapter akn:title
  akn:division akn:hcontainer akn:recitals akn:recital akn:longTitle
  akn:coverPage akn:alinea akn:indent akn:tblock akn:references
  akn:identification s:*"/>

<xsl:output method="html" encoding="UTF-8" indent="no"
  doctype-system="about:legacy-compat"/>

<!-- Parameters (respub: -V name=value). -->
<!-- The page shell, relative to this stylesheet or absolute. -->
<xsl:param name="template" select="'../templates/html.xml'"/>
<!-- What a page of a site shows of the others (respub site hands it
     over): cited-by, links, downloads, breadcrumb, previous/next. -->
<xsl:param name="catalog" select="''"/>
<!-- This page's file name in the site, for the canonical URL. -->
<xsl:param name="page" select="''"/>
<xsl:param name="site-name" select="''"/>
<!-- Absolute URL of the site, for canonical links and Open Graph. -->
<xsl:param name="base-url" select="''"/>
<!-- Link for a cited resolution the site does not hold; {symbol},
     {actor}, {number}, {year}, {date}, {akn} are replaced. -->
<xsl:param name="ref-url" select="'https://undocs.org/{symbol}'"/>
<!-- Where the site's front page is, from a page. -->
<xsl:param name="home" select="'index.html'"/>
<!-- The interface strings (labels, navigation, dates), for a run outside
     respub: the document respub -\-strings writes from the tables of
     templates/labels/ and lang/.  respub adds them to the page shell. -->
<xsl:param name="strings" select="''"/>

<xsl:variable name="input" select="/"/>
<xsl:variable name="tpl" select="document($template)/html"/>
<!-- With no strings document, document('') would read this stylesheet
     again: ask for the page shell instead, which is read already. -->
<xsl:variable name="ui-strings" select="$tpl/t:strings[$strings = ''] | document(substring(concat($template, $strings), 1 + string-length($template) * ($strings != '')))/t:strings[$strings != '']"/>
<!-- The site's pages of its own (index, search) are their own input. -->
<!-- With no catalog, document('') would read this stylesheet again for
     every page: ask for the page shell instead, which is read already and
     holds no s:site. -->
<xsl:variable name="cat" select="$input/s:site | document(substring(concat($template, $catalog), 1 + string-length($template) * ($catalog != '')))/s:site"/>
<xsl:variable name="entry" select="$cat/s:resolution[@page = $page]"/>

<!-- Language versions: the switch, links, the side-by-side page. -->
<xsl:include href="versions.xsl"/>
<!-- The language versions of this page's resolution (respub site). -->
<xsl:variable name="versions" select="$entry/s:version"/>
<!-- The page with them side by side, if the site has one. -->
<xsl:variable name="parallel-page" select="string($entry/@parallel)"/>

<xsl:key name="eid" match="akn:*[@eId]" use="@eId"/>
<xsl:key name="noteref" match="akn:noteRef" use="substring-after(@href, '#')"/>
<!-- A node's document is its nearest ancestor with an akn:meta: found
     through this key, not by scanning each ancestor's children (a body of
     n paragraphs would cost n for each of them). -->
<xsl:key name="meta" match="akn:meta" use="generate-id(..)"/>
<!-- The interface strings, by language and key
     ("fr:date"): one lookup finds the string, with no filter after. -->
<xsl:key name="ui" match="t:strings/t:s" use="concat(@lang, ':', @key)"/>
<!-- Blocks known by their class or name (a separator by its name only):
     key patterns, which cost a lookup, where a pattern with a predicate
     costs a walk over the node's siblings (see the akn:* template).  One
     definition: libxslt walks the document once for each.  Matched by
     name alone, the test left to use: libxslt finds a key's nodes with
     the XPath //match, and libxml2 makes that one descendant walk only
     when the last step has no predicate (with one, it lists every node
     of the page and then each one's children).  Names other than the
     three asked for are in the key too, unused. -->
<xsl:key name="role" match="akn:*" use="@name | @class[. != 'separator']"/>
<!-- Numbered paragraphs and points: consecutive ones make one list.
     Made from their numbers: a walk that tests only the akn:num
     elements, where testing each element for a number child costs a
     predicate on every node of the page; the test in use, as for role
     (a number that makes no item is filed under '', never asked for). -->
<xsl:key name="item" match="akn:num" use="generate-id(parent::akn:*[not(akn:heading) and not(self::akn:attachment or self::akn:component)])"/>

<!-- The main document, and the resolution the page is about (a letter
     carries its resolution as an annex). -->
<!-- descendant::x[p], not //x[p], wherever p is no position: the same
     nodes, found in one walk (see the role key). -->
<xsl:variable name="main" select="/akn:akomaNtoso/*[akn:meta][1]"/>
<xsl:variable name="res" select="($main[@name = 'resolution' or not(.//akn:attachment/*[@name = 'resolution'])] | ($main//akn:attachment/*[@name = 'resolution'])[1])[1]"/>
<xsl:variable name="symbol" select="string(($res/akn:meta/descendant::akn:FRBRalias[@name = 'unSymbol']/@value | $res/akn:meta/akn:publication/@showAs)[1])"/>
<xsl:variable name="date">
  <xsl:apply-templates select="$res/akn:meta//akn:FRBRWork/akn:FRBRdate[1]" mode="known-date"/>
</xsl:variable>
<xsl:variable name="body-name">
  <xsl:call-template name="author-name">
    <xsl:with-param name="doc" select="$res"/>
  </xsl:call-template>
</xsl:variable>
<xsl:variable name="lang">
  <xsl:choose>
    <xsl:when test="$main">
      <xsl:call-template name="bcp47">
        <xsl:with-param name="doc" select="$main"/>
      </xsl:call-template>
    </xsl:when>
    <xsl:otherwise>
      <xsl:call-template name="lang-tag"><xsl:with-param name="l" select="string($input/s:site/@lang)"/></xsl:call-template>
    </xsl:otherwise>
  </xsl:choose>
</xsl:variable>
<xsl:variable name="ui" select="substring-before(concat($lang, '-'), '-')"/>
<!-- Whether every akn:meta is the main document's (no annexed text or
     carried resolution with its own): then each part is in the page's
     language, and the labels and directions need not look for the part
     a node stands in (most pages; the search is most of a label's cost). -->
<xsl:variable name="one-part" select="count($input//akn:meta) = count($main/akn:meta)"/>
<xsl:variable name="dir"><xsl:call-template name="dir"><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:variable>
<xsl:variable name="site-title">
  <xsl:choose>
    <xsl:when test="$site-name != ''"><xsl:value-of select="$site-name"/></xsl:when>
    <xsl:when test="$cat/@name != ''"><xsl:value-of select="$cat/@name"/></xsl:when>
    <!-- Else named in the page's language (an index page's is the
         site's). -->
    <xsl:otherwise>
      <xsl:call-template name="ui-in"><xsl:with-param name="key" select="'site-name'"/></xsl:call-template>
    </xsl:otherwise>
  </xsl:choose>
</xsl:variable>
<xsl:variable name="base">
  <xsl:if test="$base-url != ''">
    <xsl:value-of select="$base-url"/>
    <xsl:if test="substring($base-url, string-length($base-url)) != '/'">/</xsl:if>
  </xsl:if>
</xsl:variable>
<xsl:variable name="title-text">
  <xsl:choose>
    <xsl:when test="$input/s:site"><xsl:apply-templates select="$input/s:site" mode="title"/></xsl:when>
    <xsl:otherwise>
      <xsl:call-template name="doc-title"><xsl:with-param name="doc" select="$main"/></xsl:call-template>
    </xsl:otherwise>
  </xsl:choose>
</xsl:variable>
<!-- The name of the resolution itself (JSON-LD): the page's title, unless
     the page is a letter that carries the resolution. -->
<xsl:variable name="res-title">
  <xsl:choose>
    <xsl:when test="count($res | $main) = 1"><xsl:value-of select="$title-text"/></xsl:when>
    <xsl:otherwise>
      <xsl:call-template name="doc-title"><xsl:with-param name="doc" select="$res"/></xsl:call-template>
    </xsl:otherwise>
  </xsl:choose>
</xsl:variable>
<xsl:template name="doc-title">
  <xsl:param name="doc"/>
  <xsl:variable name="dt" select="normalize-space(($doc/akn:preface//akn:docTitle)[1])"/>
  <xsl:variable name="lt" select="normalize-space(($doc/akn:preface/akn:longTitle)[1])"/>
  <!-- A resolution that only adopts an annexed text is known by it. -->
  <xsl:variable name="at" select="normalize-space(($doc/akn:attachments/akn:attachment/*/akn:preface//akn:docTitle)[1])"/>
  <xsl:choose>
    <xsl:when test="$dt != ''"><xsl:value-of select="$dt"/></xsl:when>
    <xsl:when test="$lt != '' and $at != ''"><xsl:value-of select="concat($lt, ': ', $at)"/></xsl:when>
    <xsl:when test="$lt != ''"><xsl:value-of select="$lt"/></xsl:when>
    <xsl:otherwise><xsl:value-of select="$symbol"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>
<xsl:variable name="description">
  <xsl:choose>
    <xsl:when test="$input/s:site[not(@kind = 'parallel')][not(s:body/@count)]">
      <xsl:value-of select="concat($title-text, ' · ', $site-title)"/>
    </xsl:when>
    <xsl:when test="$input/s:site[not(@kind = 'parallel')]">
      <xsl:variable name="resolutions"><xsl:call-template name="ui"><xsl:with-param name="key" select="'resolutions'"/></xsl:call-template></xsl:variable>
      <xsl:value-of select="concat($title-text, ' · ', $site-title, ': ', sum($cat/s:body/@count), ' ', $resolutions)"/>
    </xsl:when>
    <xsl:otherwise>
      <xsl:value-of select="$title-text"/>
      <xsl:if test="$symbol != '' and not(contains($title-text, $symbol))">
        <xsl:value-of select="concat(' (', $symbol, ')')"/>
      </xsl:if>
      <xsl:if test="$body-name != ''">
        <xsl:value-of select="concat(' · ', $body-name)"/>
      </xsl:if>
      <xsl:if test="$date != ''"><xsl:value-of select="concat(' · ', $date)"/></xsl:if>
    </xsl:otherwise>
  </xsl:choose>
</xsl:variable>
<xsl:variable name="canonical">
  <xsl:if test="$base != ''">
    <xsl:choose>
      <xsl:when test="$page = 'index.html' or ($input/s:site and $page = '')"><xsl:value-of select="$base"/></xsl:when>
      <xsl:when test="$page != ''"><xsl:value-of select="concat($base, $page)"/></xsl:when>
    </xsl:choose>
  </xsl:if>
</xsl:variable>

<!-- ============================================================ shell -->

<xsl:template match="/">
  <xsl:if test="not($tpl)">
    <xsl:message terminate="yes">akn2html.xsl: cannot read the page template <xsl:value-of select="$template"/></xsl:message>
  </xsl:if>
  <xsl:apply-templates select="$tpl" mode="tpl"/>
</xsl:template>

<xsl:template match="*" mode="tpl">
  <xsl:element name="{local-name()}">
    <xsl:copy-of select="@*[namespace-uri() = '']"/>
    <xsl:apply-templates select="@t:*" mode="tpl"/>
    <xsl:apply-templates mode="tpl"/>
  </xsl:element>
</xsl:template>

<xsl:template match="text()" mode="tpl"><xsl:value-of select="."/></xsl:template>
<xsl:template match="comment() | t:strings" mode="tpl"/>

<xsl:template match="@t:lang" mode="tpl">
  <xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute>
</xsl:template>

<xsl:template match="@t:dir" mode="tpl">
  <xsl:attribute name="dir"><xsl:call-template name="dir"><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
</xsl:template>

<xsl:template match="t:string" mode="tpl">
  <xsl:call-template name="ui"><xsl:with-param name="key" select="@key"/></xsl:call-template>
</xsl:template>

<xsl:template match="t:site-link" mode="tpl">
  <xsl:choose>
    <xsl:when test="$cat[not(@kind = 'page')]"><a href="{$home}"><xsl:value-of select="$site-title"/></a></xsl:when>
    <xsl:otherwise><span><xsl:value-of select="$site-title"/></span></xsl:otherwise>
  </xsl:choose>
  <!-- Search only where the site has its index (respub site found
       Pagefind). -->
  <xsl:if test="$cat/@search">
    <a class="search-link" href="{$cat/@search}"><xsl:call-template name="ui"><xsl:with-param name="key" select="'search'"/></xsl:call-template></a>
  </xsl:if>
  <xsl:call-template name="language-switch"/>
</xsl:template>

<xsl:template match="t:footer" mode="tpl">
  <p><xsl:call-template name="ui"><xsl:with-param name="key" select="'footer'"/></xsl:call-template></p>
</xsl:template>

<xsl:template match="t:head" mode="tpl">
  <title>
    <xsl:value-of select="$title-text"/>
    <xsl:if test="$symbol != '' and not(contains($title-text, $symbol))">
      <xsl:value-of select="concat(' (', $symbol, ')')"/>
    </xsl:if>
    <xsl:if test="not($input/s:site)"><xsl:value-of select="concat(' · ', $site-title)"/></xsl:if>
  </title>
  <meta name="description" content="{$description}"/>
  <xsl:if test="$canonical != ''">
    <link rel="canonical" href="{$canonical}"/>
    <meta property="og:url" content="{$canonical}"/>
  </xsl:if>
  <meta property="og:type" content="{substring('article', 1, 7 * not($input/s:site))}{substring('website', 1, 7 * boolean($input/s:site))}"/>
  <meta property="og:title" content="{$title-text}"/>
  <meta property="og:description" content="{$description}"/>
  <meta property="og:site_name" content="{$site-title}"/>
  <meta property="og:locale" content="{translate(substring-before(concat($lang, '-Hans'), '-Hans'), '-', '_')}"/>
  <xsl:apply-templates select="$versions" mode="alternate"/>
  <xsl:for-each select="$input/s:site/s:feed">
    <link rel="alternate" type="application/atom+xml" href="{@href}" title="{@title}"/>
  </xsl:for-each>
  <xsl:if test="$input/s:site/@kind = 'search'">
    <link rel="stylesheet" href="pagefind/pagefind-ui.css"/>
  </xsl:if>
  <xsl:if test="not($input/s:site)">
    <script type="application/ld+json">
      <xsl:text>{"@context":"https://schema.org","@type":"Legislation","name":</xsl:text>
      <xsl:call-template name="json"><xsl:with-param name="s" select="$res-title"/></xsl:call-template>
      <xsl:if test="$symbol != ''">
        <xsl:text>,"legislationIdentifier":</xsl:text>
        <xsl:call-template name="json"><xsl:with-param name="s" select="$symbol"/></xsl:call-template>
      </xsl:if>
      <xsl:if test="$date != ''">
        <xsl:text>,"legislationDate":</xsl:text>
        <xsl:call-template name="json"><xsl:with-param name="s" select="$date"/></xsl:call-template>
      </xsl:if>
      <xsl:if test="$body-name != ''">
        <xsl:text>,"legislationPassedBy":{"@type":"Organization","name":</xsl:text>
        <xsl:call-template name="json"><xsl:with-param name="s" select="$body-name"/></xsl:call-template>
        <xsl:text>}</xsl:text>
      </xsl:if>
      <xsl:text>,"inLanguage":</xsl:text>
      <xsl:call-template name="json">
        <xsl:with-param name="s"><xsl:call-template name="bcp47"><xsl:with-param name="doc" select="$res"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$canonical != ''">
        <xsl:text>,"url":</xsl:text>
        <xsl:call-template name="json"><xsl:with-param name="s" select="$canonical"/></xsl:call-template>
      </xsl:if>
      <xsl:text>}</xsl:text>
    </script>
  </xsl:if>
</xsl:template>

<xsl:template match="t:content" mode="tpl">
  <xsl:apply-templates select="$cat[s:crumb]" mode="crumbs"/>
  <xsl:choose>
    <xsl:when test="$input/s:site"><xsl:apply-templates select="$input/s:site"/></xsl:when>
    <xsl:when test="$main"><xsl:apply-templates select="$main" mode="page"/></xsl:when>
    <xsl:otherwise>
      <xsl:message terminate="yes">akn2html.xsl: the input is neither Akoma Ntoso nor a respub site catalog</xsl:message>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- ========================================================= one page -->

<xsl:template match="*" mode="page">
  <article class="{@name} doc">
    <!-- On a site, Pagefind indexes the resolutions, not the indexes. -->
    <xsl:if test="$entry[not(../@kind = 'page')]"><xsl:attribute name="data-pagefind-body"/></xsl:if>
    <xsl:apply-templates select="." mode="doc">
      <xsl:with-param name="level" select="1"/>
    </xsl:apply-templates>
  </article>
  <xsl:apply-templates select="$entry[not(../@kind = 'page')]" mode="search-data"/>
  <xsl:if test="$cat/s:prev | $cat/s:next">
    <xsl:variable name="label"><xsl:call-template name="ui"><xsl:with-param name="key" select="'prev-next'"/></xsl:call-template></xsl:variable>
    <nav class="prevnext" aria-label="{$label}">
      <xsl:for-each select="$cat/s:prev | $cat/s:next">
        <a href="{@page}" rel="{local-name()}">
          <xsl:call-template name="ui"><xsl:with-param name="key" select="local-name()"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <span lang="en"><xsl:value-of select="@label"/></span>
        </a>
      </xsl:for-each>
    </nav>
  </xsl:if>
  <xsl:variable name="citing" select="$cat/s:resolution[s:cites/@symbol = $entry/@symbol][@page != $page]"/>
  <xsl:if test="$citing">
    <section class="cited-by" aria-labelledby="cited-by">
      <h2 id="cited-by"><xsl:call-template name="ui"><xsl:with-param name="key" select="'cited-by'"/></xsl:call-template></h2>
      <ul>
        <xsl:for-each select="$citing">
          <xsl:sort select="@date"/>
          <xsl:sort select="@symbol"/>
          <li><a href="{@page}"><xsl:value-of select="@label"/></a>
            <xsl:if test="@date != ''"> (<xsl:apply-templates select="@date"/>)</xsl:if>
            <xsl:if test="@title != ''">
              <xsl:text>: </xsl:text>
              <span>
                <xsl:attribute name="lang"><xsl:call-template name="lang-tag"><xsl:with-param name="l" select="@lang"/></xsl:call-template></xsl:attribute>
                <xsl:value-of select="@title"/>
              </span>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:if>
  <xsl:if test="$entry/s:file">
    <p class="downloads">
      <xsl:call-template name="ui"><xsl:with-param name="key" select="'download'"/></xsl:call-template>
      <xsl:for-each select="$entry/s:file">
        <xsl:if test="position() > 1"> ·</xsl:if>
        <xsl:text> </xsl:text>
        <a href="{@href}" type="{@type}"><xsl:value-of select="@label"/></a>
      </xsl:for-each>
    </p>
  </xsl:if>
</xsl:template>

<!-- A document (resolution, annexed text, letter); level is the rank of
     its title heading. -->
<xsl:template match="*" mode="doc">
  <xsl:param name="level"/>
  <xsl:variable name="title" select="(akn:preface/akn:longTitle | akn:preface/*[descendant::akn:docTitle])[1]"/>
  <xsl:if test="akn:preface">
    <header class="preface">
      <xsl:apply-templates select="akn:preface/*">
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="level" select="$level"/>
      </xsl:apply-templates>
      <xsl:if test="not($title) and $level = 1">
        <h1><xsl:value-of select="$title-text"/></h1>
      </xsl:if>
      <xsl:call-template name="docmeta"/>
    </header>
  </xsl:if>
  <xsl:if test="not(akn:preface) and $level = 1">
    <h1><xsl:value-of select="$title-text"/></h1>
    <xsl:call-template name="docmeta"/>
  </xsl:if>
  <xsl:apply-templates select="akn:coverPage | akn:header | akn:preamble | akn:mainBody | akn:body | akn:portionBody | akn:debateBody | akn:judgmentBody | akn:amendmentBody | akn:collectionBody | akn:conclusions | akn:attachments | akn:components">
    <xsl:with-param name="level" select="$level"/>
  </xsl:apply-templates>
  <xsl:call-template name="notes">
    <xsl:with-param name="level" select="$level + 1"/>
  </xsl:call-template>
</xsl:template>

<!-- What a FRBRdate says is known: the date, its year alone, or nothing
     (the placeholder of an unknown day is never shown; docs/AKN.md). -->
<xsl:template match="akn:FRBRdate" mode="known-date">
  <xsl:choose>
    <xsl:when test="@name = 'unknown'"/>
    <xsl:when test="@name = 'adoptionYear'"><xsl:value-of select="substring(@date, 1, 4)"/></xsl:when>
    <xsl:otherwise><xsl:value-of select="@date"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- Symbol, date, body and meeting, from the FRBR metadata. -->
<xsl:template name="docmeta">
  <xsl:variable name="sym" select="(akn:meta/descendant::akn:FRBRalias[@name = 'unSymbol']/@value | akn:meta/akn:publication/@showAs)[1]"/>
  <!-- The page's resolution has its date and body already. -->
  <xsl:variable name="is-res" select="count(. | $res) = 1"/>
  <xsl:variable name="d">
    <xsl:choose>
      <xsl:when test="$is-res"><xsl:value-of select="$date"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="akn:meta//akn:FRBRWork/akn:FRBRdate[1]" mode="known-date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="by">
    <xsl:choose>
      <xsl:when test="$is-res"><xsl:value-of select="$body-name"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="author-name"><xsl:with-param name="doc" select="."/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="mt" select="akn:meta/akn:references/akn:TLCEvent[1]/@showAs"/>
  <xsl:if test="$sym">
    <dl class="docmeta">
      <dt><xsl:call-template name="ui"><xsl:with-param name="key" select="'symbol'"/></xsl:call-template></dt>
      <dd><xsl:value-of select="$sym"/></dd>
      <xsl:if test="$d != ''">
        <dt><xsl:call-template name="ui"><xsl:with-param name="key" select="'date'"/></xsl:call-template></dt>
        <dd><time datetime="{$d}"><xsl:call-template name="human-date"><xsl:with-param name="iso" select="$d"/></xsl:call-template></time></dd>
      </xsl:if>
      <xsl:if test="$by != ''">
        <dt><xsl:call-template name="ui"><xsl:with-param name="key" select="'body'"/></xsl:call-template></dt>
        <dd><xsl:value-of select="$by"/></dd>
      </xsl:if>
      <xsl:if test="$mt">
        <dt><xsl:call-template name="ui"><xsl:with-param name="key" select="'meeting'"/></xsl:call-template></dt>
        <dd><xsl:value-of select="$mt"/></dd>
      </xsl:if>
    </dl>
  </xsl:if>
</xsl:template>

<!-- ========================================================== preface -->

<xsl:template match="akn:preface/*">
  <xsl:param name="title"/>
  <xsl:param name="level"/>
  <xsl:choose>
    <xsl:when test="generate-id(.) = generate-id($title)">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="$level"/>
        <xsl:with-param name="class" select="'doc-title'"/>
        <xsl:with-param name="content"><xsl:apply-templates select="." mode="inline-blocks"/></xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="(akn:p | akn:block)[@class = 'note' or preceding-sibling::*[@class = 'note']]">
        <p><xsl:call-template name="id"/><xsl:call-template name="class"/><xsl:apply-templates/></p>
      </xsl:for-each>
    </xsl:when>
    <xsl:when test="@name = 'masthead'">
      <div class="masthead"><xsl:call-template name="id"/><xsl:apply-templates/></div>
    </xsl:when>
    <xsl:otherwise>
      <div class="{@name}"><xsl:call-template name="id"/><xsl:apply-templates/></div>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="akn:preface/akn:p | akn:preface/akn:block">
  <xsl:param name="title"/>
  <xsl:param name="level"/>
  <xsl:choose>
    <xsl:when test="generate-id(.) = generate-id($title)">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="$level"/>
        <xsl:with-param name="class" select="'doc-title'"/>
        <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
      </xsl:call-template>
    </xsl:when>
    <xsl:otherwise><p><xsl:call-template name="id"/><xsl:call-template name="class"/><xsl:apply-templates/></p></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- The paragraphs of a title block, joined into one heading, up to its
     first note: a line under the title that is no part of it
     ("Préambule", a date, an introduction) stays a paragraph. -->
<xsl:template match="*" mode="inline-blocks">
  <xsl:for-each select="(akn:p | akn:block)[not(@class = 'note' or preceding-sibling::*[@class = 'note'])]">
    <xsl:if test="position() > 1"><br/></xsl:if>
    <xsl:apply-templates/>
  </xsl:for-each>
</xsl:template>

<xsl:template name="heading">
  <xsl:param name="level"/>
  <xsl:param name="class" select="''"/>
  <xsl:param name="id" select="''"/>
  <xsl:param name="labelled" select="false()"/>
  <xsl:param name="content"/>
  <xsl:variable name="n">
    <xsl:choose>
      <xsl:when test="$level > 6">6</xsl:when>
      <xsl:otherwise><xsl:value-of select="$level"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:element name="h{$n}">
    <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
    <xsl:if test="$class != ''"><xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute></xsl:if>
    <xsl:if test="$labelled"><xsl:attribute name="aria-labelledby"><xsl:value-of select="concat('h-', @eId)"/></xsl:attribute></xsl:if>
    <xsl:copy-of select="$content"/>
  </xsl:element>
</xsl:template>

<!-- A division's number and heading, then its permalink.  The heading is
     named by its text alone (aria-labelledby), so a screen reader's list
     of headings does not say "Annex Link to this part". -->
<xsl:template name="heading-content">
  <xsl:variable name="text">
    <xsl:apply-templates select="akn:num/node()"/>
    <xsl:if test="akn:num and akn:heading"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates select="akn:heading/node()"/>
  </xsl:variable>
  <xsl:choose>
    <xsl:when test="@eId">
      <span id="h-{@eId}"><xsl:copy-of select="$text"/></span>
      <xsl:call-template name="permalink"/>
    </xsl:when>
    <xsl:otherwise><xsl:copy-of select="$text"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- ======================================================== preamble -->

<xsl:template match="akn:preamble | akn:coverPage | akn:header">
  <div class="{local-name()}"><xsl:call-template name="id"/><xsl:apply-templates/></div>
</xsl:template>

<xsl:template match="akn:formula">
  <div class="formula"><xsl:call-template name="id"/><xsl:apply-templates/><xsl:call-template name="permalink"/></div>
</xsl:template>

<xsl:template match="akn:preamble/akn:container | akn:preamble/akn:recitals/akn:recital">
  <div class="pre {@name}"><xsl:call-template name="id"/><xsl:apply-templates/><xsl:call-template name="permalink"/></div>
</xsl:template>

<!-- ======================================================= main body -->

<xsl:template match="akn:mainBody | akn:body | akn:portionBody | akn:debateBody | akn:judgmentBody | akn:amendmentBody">
  <xsl:param name="level"/>
  <div class="operative">
    <xsl:call-template name="id"/>
    <xsl:call-template name="children"><xsl:with-param name="level" select="$level"/></xsl:call-template>
  </div>
</xsl:template>

<!-- Children of a container: runs of numbered items become one <ol>. -->
<xsl:template name="children">
  <xsl:param name="level"/>
  <xsl:for-each select="*">
    <xsl:choose>
      <xsl:when test="self::akn:num or self::akn:heading or self::akn:subheading"/>
      <xsl:when test="key('item', generate-id())">
        <!-- [1] alone: libxml2 takes a step [1][test] over every
             preceding sibling. -->
        <xsl:if test="not(key('item', generate-id(preceding-sibling::*[1])))">
          <ol class="op">
            <xsl:call-template name="run"><xsl:with-param name="level" select="$level"/></xsl:call-template>
          </ol>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select=".">
          <xsl:with-param name="level" select="$level"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:for-each>
</xsl:template>

<!-- The items of a run, from this one on.  One recursion per item would
     overflow the stack on a long body, and selecting the run by a test
     on all the following siblings costs the rest of the body for every
     run; so the run goes in blocks of 64 items and 4096 items, each
     counted before it is written, and the recursion stays under
     128 + n/4096 deep with every step looking at most 4096 siblings
     ahead. -->
<xsl:template name="run">
  <xsl:param name="level"/>
  <xsl:variable name="n"><xsl:call-template name="run-count"/></xsl:variable>
  <xsl:call-template name="run-blocks">
    <xsl:with-param name="level" select="$level"/>
    <xsl:with-param name="max" select="64"/>
    <xsl:with-param name="n" select="$n"/>
  </xsl:call-template>
  <!-- A run shorter than a block (most) is written: no more counting. -->
  <xsl:variable name="full"><xsl:if test="string-length($n) = 64"><xsl:call-template name="run-full-blocks"/></xsl:if></xsl:variable>
  <xsl:if test="string-length($full) = 64">
    <xsl:for-each select="following-sibling::*[4096]">
      <xsl:call-template name="run"><xsl:with-param name="level" select="$level"/></xsl:call-template>
    </xsl:for-each>
  </xsl:if>
</xsl:template>

<!-- Up to $max blocks of 64 items from this one on; $n, the first
     block's count, when the caller has it. -->
<xsl:template name="run-blocks">
  <xsl:param name="level"/>
  <xsl:param name="max"/>
  <xsl:param name="n"><xsl:call-template name="run-count"/></xsl:param>
  <xsl:call-template name="run-items">
    <xsl:with-param name="level" select="$level"/>
    <xsl:with-param name="n" select="string-length($n)"/>
  </xsl:call-template>
  <xsl:if test="string-length($n) = 64 and $max > 1">
    <xsl:for-each select="following-sibling::*[64]">
      <xsl:call-template name="run-blocks">
        <xsl:with-param name="level" select="$level"/>
        <xsl:with-param name="max" select="$max - 1"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:if>
</xsl:template>

<!-- One x for each full block of 64 items from this one on, at most 64. -->
<xsl:template name="run-full-blocks">
  <xsl:param name="max" select="64"/>
  <xsl:variable name="n"><xsl:call-template name="run-count"/></xsl:variable>
  <xsl:if test="string-length($n) = 64">
    <xsl:text>x</xsl:text>
    <xsl:if test="$max > 1">
      <xsl:for-each select="following-sibling::*[64]">
        <xsl:call-template name="run-full-blocks"><xsl:with-param name="max" select="$max - 1"/></xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:if>
</xsl:template>

<!-- One x for each item of the run from this one on, at most $max. -->
<xsl:template name="run-count">
  <xsl:param name="max" select="64"/>
  <xsl:if test="$max > 0 and key('item', generate-id())">
    <xsl:text>x</xsl:text>
    <xsl:for-each select="following-sibling::*[1]">
      <xsl:call-template name="run-count"><xsl:with-param name="max" select="$max - 1"/></xsl:call-template>
    </xsl:for-each>
  </xsl:if>
</xsl:template>

<!-- This item and the $n - 1 after it. -->
<xsl:template name="run-items">
  <xsl:param name="level"/>
  <xsl:param name="n"/>
  <xsl:if test="$n > 0">
    <xsl:apply-templates select="." mode="item">
      <xsl:with-param name="level" select="$level"/>
    </xsl:apply-templates>
    <xsl:for-each select="following-sibling::*[1]">
      <xsl:call-template name="run-items">
        <xsl:with-param name="level" select="$level"/>
        <xsl:with-param name="n" select="$n - 1"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:if>
</xsl:template>

<!-- A numbered paragraph or point: its printed number and, when it is a
     plain integer, the same number as the item's value. -->
<xsl:template match="*" mode="item">
  <xsl:param name="level"/>
  <xsl:variable name="n" select="translate(normalize-space(akn:num), '.', '')"/>
  <li>
    <xsl:call-template name="id"/>
    <xsl:if test="$n != '' and translate($n, '0123456789', '') = '' and string-length($n) &lt; 6">
      <xsl:attribute name="value"><xsl:value-of select="$n"/></xsl:attribute>
    </xsl:if>
    <span class="num"><xsl:apply-templates select="akn:num/node()"/></span>
    <xsl:apply-templates select="akn:subheading"/>
    <xsl:call-template name="children"><xsl:with-param name="level" select="$level"/></xsl:call-template>
    <xsl:call-template name="permalink"/>
  </li>
</xsl:template>

<!-- An unnumbered paragraph. -->
<xsl:template match="akn:paragraph | akn:subparagraph | akn:point | akn:alinea | akn:indent">
  <xsl:param name="level"/>
  <div class="para">
    <xsl:call-template name="id"/>
    <xsl:call-template name="children"><xsl:with-param name="level" select="$level"/></xsl:call-template>
    <xsl:call-template name="permalink"/>
  </div>
</xsl:template>

<!-- Every other element: a headed division, an inline or a block.  One
     template that tests, not one pattern with a predicate each: libxslt
     works out a node's position among its siblings for every predicate
     of a pattern, which costs the whole body for each paragraph. -->
<xsl:template match="akn:*" priority="-0.2">
  <xsl:param name="level"/>
  <xsl:choose>
    <xsl:when test="(akn:heading or (akn:num and not(self::akn:paragraph or self::akn:subparagraph or self::akn:point))) and not(self::akn:attachment)">
      <xsl:call-template name="division"><xsl:with-param name="level" select="$level"/></xsl:call-template>
    </xsl:when>
    <!-- Every other inline (docNumber, docAuthority, event, ...) keeps
         its text in a span named after it. -->
    <xsl:when test="ancestor::akn:p or ancestor::akn:block or ancestor::akn:heading or ancestor::akn:num">
      <span class="{local-name()}"><xsl:apply-templates/></span>
    </xsl:when>
    <!-- Other blocks keep their content in a div named after them. -->
    <xsl:otherwise>
      <div class="{local-name()}">
        <xsl:call-template name="id"/>
        <xsl:call-template name="children"><xsl:with-param name="level" select="$level"/></xsl:call-template>
      </div>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- Headed divisions: sections, parts, titles, headed hcontainers. -->
<xsl:template name="division">
  <xsl:param name="level"/>
  <section class="{local-name()}">
    <xsl:call-template name="id"/>
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="$level + 1"/>
      <xsl:with-param name="labelled" select="boolean(@eId)"/>
      <xsl:with-param name="content"><xsl:call-template name="heading-content"/></xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="akn:subheading"/>
    <xsl:call-template name="children"><xsl:with-param name="level" select="$level + 1"/></xsl:call-template>
  </section>
</xsl:template>

<xsl:template match="akn:subheading"><p class="subheading"><xsl:apply-templates/></p></xsl:template>

<!-- Lines of a debate: the speaker, and what is told of the sitting. -->
<xsl:template match="akn:from | akn:scene | akn:narrative | akn:summary">
  <p class="{local-name()}"><xsl:apply-templates/></p>
</xsl:template>

<xsl:template match="akn:content">
  <xsl:apply-templates/>
</xsl:template>

<xsl:template match="akn:list | akn:blockList">
  <xsl:param name="level"/>
  <div class="list">
    <xsl:call-template name="id"/>
    <xsl:choose>
      <!-- Other levels in a list (an act's unnumbered subparagraph
           before its points): each where it stands. -->
      <xsl:when test="*[not(self::akn:intro or self::akn:listIntroduction or self::akn:point or self::akn:item or self::akn:paragraph or self::akn:indent or self::akn:wrapUp or self::akn:listWrapUp or self::akn:num or self::akn:heading or self::akn:subheading)]">
        <xsl:call-template name="children"><xsl:with-param name="level" select="$level"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="akn:intro | akn:listIntroduction"/>
        <xsl:if test="akn:point | akn:item | akn:paragraph | akn:indent">
          <ol class="items">
            <xsl:apply-templates select="akn:point | akn:item | akn:paragraph | akn:indent" mode="item">
              <xsl:with-param name="level" select="$level"/>
            </xsl:apply-templates>
          </ol>
        </xsl:if>
        <xsl:apply-templates select="akn:wrapUp | akn:listWrapUp"/>
      </xsl:otherwise>
    </xsl:choose>
  </div>
</xsl:template>

<xsl:template match="akn:intro | akn:listIntroduction">
  <div class="intro"><xsl:call-template name="id"/><xsl:apply-templates/></div>
</xsl:template>

<xsl:template match="akn:wrapUp | akn:listWrapUp">
  <div class="wrapup"><xsl:call-template name="id"/><xsl:apply-templates/></div>
</xsl:template>

<xsl:template match="akn:p">
  <p><xsl:call-template name="id"/><xsl:call-template name="class"/><xsl:apply-templates/></p>
</xsl:template>

<xsl:template match="akn:conclusions">
  <footer class="conclusion"><xsl:call-template name="id"/><xsl:apply-templates/></footer>
</xsl:template>

<!-- A vote record: one row per group, label then members. -->
<xsl:template match="key('role', 'vote')">
  <table class="vote">
    <xsl:call-template name="id"/>
    <caption class="vh"><xsl:call-template name="ui"><xsl:with-param name="key" select="'vote'"/></xsl:call-template></caption>
    <xsl:for-each select="*[akn:p or akn:block]">
      <tr>
        <xsl:call-template name="id"/>
        <th scope="row"><xsl:apply-templates select="(akn:p | akn:block)[1]/node()"/></th>
        <td>
          <xsl:for-each select="(akn:p | akn:block)[position() > 1]">
            <xsl:if test="position() > 1"><br/></xsl:if>
            <xsl:apply-templates/>
          </xsl:for-each>
        </td>
      </tr>
    </xsl:for-each>
  </table>
  <xsl:apply-templates select="akn:p | akn:block"/>
</xsl:template>

<xsl:template match="key('role', 'signature')">
  <div class="signature"><xsl:call-template name="id"/><xsl:apply-templates/></div>
</xsl:template>

<xsl:template match="key('role', 'separator')">
  <xsl:variable name="sep"><xsl:call-template name="ui"><xsl:with-param name="key" select="'separator'"/></xsl:call-template></xsl:variable>
  <p class="separator"><xsl:call-template name="id"/>
    <xsl:choose>
      <xsl:when test="$sep != ''"><xsl:value-of select="$sep"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </p>
</xsl:template>

<xsl:template match="akn:crossHeading">
  <xsl:param name="level"/>
  <xsl:call-template name="heading">
    <xsl:with-param name="level" select="$level + 1"/>
    <xsl:with-param name="id" select="string(@eId)"/>
    <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
  </xsl:call-template>
</xsl:template>

<!-- ======================================================== annexes -->

<xsl:template match="akn:attachments | akn:components | akn:collectionBody">
  <xsl:param name="level"/>
  <xsl:apply-templates select="*">
    <xsl:with-param name="level" select="$level"/>
  </xsl:apply-templates>
</xsl:template>

<xsl:template match="akn:attachment | akn:component">
  <xsl:param name="level"/>
  <xsl:variable name="doc" select="*[akn:meta][1]"/>
  <xsl:variable name="outer"><xsl:call-template name="bcp47"><xsl:with-param name="doc" select="ancestor::*[key('meta', generate-id())][1]"/></xsl:call-template></xsl:variable>
  <xsl:variable name="inner"><xsl:call-template name="bcp47"><xsl:with-param name="doc" select="$doc"/></xsl:call-template></xsl:variable>
  <section class="annex">
    <xsl:call-template name="id"/>
    <xsl:if test="$inner != $outer">
      <xsl:attribute name="lang"><xsl:value-of select="$inner"/></xsl:attribute>
      <xsl:attribute name="dir"><xsl:call-template name="dir"><xsl:with-param name="lang" select="$inner"/></xsl:call-template></xsl:attribute>
    </xsl:if>
    <xsl:if test="akn:num or akn:heading">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="$level + 1"/>
        <xsl:with-param name="labelled" select="boolean(@eId)"/>
        <xsl:with-param name="content"><xsl:call-template name="heading-content"/></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:apply-templates select="akn:subheading"/>
    <xsl:apply-templates select="$doc" mode="doc">
      <xsl:with-param name="level" select="$level + 2"/>
    </xsl:apply-templates>
  </section>
</xsl:template>

<!-- ====================================================== footnotes -->

<!-- The notes called in the text, then those the text never calls (kept
     in the metadata by the writer), marked: every word is on the page. -->
<xsl:template name="notes">
  <xsl:param name="level"/>
  <xsl:variable name="me" select="generate-id(.)"/>
  <xsl:variable name="notes" select="descendant::akn:authorialNote[$one-part or generate-id(ancestor::*[key('meta', generate-id())][1]) = $me]"/>
  <xsl:variable name="uncalled" select="akn:meta/akn:notes/akn:note"/>
  <xsl:if test="$notes or $uncalled">
    <section class="notes" role="doc-endnotes">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="$level"/>
        <xsl:with-param name="content"><xsl:call-template name="ui"><xsl:with-param name="key" select="'notes'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <ol>
        <xsl:for-each select="$notes">
          <li>
            <xsl:call-template name="id"/>
            <span class="num"><xsl:value-of select="@marker"/></span>
            <xsl:apply-templates/>
            <xsl:variable name="id" select="string(@eId)"/>
            <xsl:call-template name="backlink"><xsl:with-param name="id" select="$id"/><xsl:with-param name="k" select="1"/></xsl:call-template>
            <xsl:for-each select="key('noteref', $id)">
              <xsl:call-template name="backlink"><xsl:with-param name="id" select="$id"/><xsl:with-param name="k" select="position() + 1"/></xsl:call-template>
            </xsl:for-each>
          </li>
        </xsl:for-each>
        <xsl:for-each select="$uncalled">
          <li class="unreferenced">
            <xsl:call-template name="id"/>
            <span class="num"><xsl:value-of select="@marker"/></span>
            <xsl:apply-templates/>
            <xsl:text> </xsl:text>
            <span class="unreferenced-mark">(<xsl:call-template name="ui"><xsl:with-param name="key" select="'unreferenced'"/></xsl:call-template>)</span>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:if>
</xsl:template>

<xsl:template name="backlink">
  <xsl:param name="id"/>
  <xsl:param name="k"/>
  <xsl:if test="$id != ''">
    <xsl:variable name="label"><xsl:call-template name="ui"><xsl:with-param name="key" select="'back'"/></xsl:call-template></xsl:variable>
    <xsl:text> </xsl:text>
    <a class="back" href="#fnref-{$id}-{$k}" role="doc-backlink" aria-label="{$label} {$k}">↩<xsl:if test="$k > 1"><sup><xsl:value-of select="$k"/></sup></xsl:if></a>
  </xsl:if>
</xsl:template>

<!-- Markers side by side: a comma between them (UN-LAYOUT.md 1.5). -->
<xsl:template name="marker-comma">
  <xsl:if test="preceding-sibling::node()[1][self::akn:authorialNote or self::akn:noteRef]">,</xsl:if>
</xsl:template>

<!-- The first call of a note defines it in AKN; later calls are noteRefs. -->
<xsl:template match="akn:authorialNote">
  <sup class="fnref">
    <xsl:call-template name="marker-comma"/>
    <xsl:choose>
      <xsl:when test="@eId">
        <a id="fnref-{@eId}-1" href="#{@eId}" role="doc-noteref"><xsl:value-of select="@marker"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="@marker"/></xsl:otherwise>
    </xsl:choose>
  </sup>
</xsl:template>

<xsl:template match="akn:noteRef">
  <xsl:variable name="id" select="substring-after(@href, '#')"/>
  <sup class="fnref">
    <xsl:call-template name="marker-comma"/>
    <xsl:choose>
      <xsl:when test="$id != '' and key('eid', $id)/self::akn:authorialNote">
        <!-- Its rank among the calls of the note, from the key (not a
             count of everything before it). -->
        <xsl:variable name="me" select="generate-id()"/>
        <xsl:variable name="k">
          <xsl:for-each select="key('noteref', $id)">
            <xsl:if test="generate-id() = $me"><xsl:value-of select="position() + 1"/></xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <a id="fnref-{$id}-{$k}" href="#{$id}" role="doc-noteref"><xsl:value-of select="@marker"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="@marker"/></xsl:otherwise>
    </xsl:choose>
  </sup>
</xsl:template>

<!-- ======================================================== inlines -->

<!-- Blank text between inlines is one space; at either end of a block
     it is indentation. -->
<xsl:template match="text()[normalize-space() = '']">
  <xsl:if test="preceding-sibling::node() and following-sibling::node()">
    <xsl:text> </xsl:text>
  </xsl:if>
</xsl:template>

<!-- A named inline (the agenda item of a GA masthead): its name. -->
<xsl:template match="akn:inline[@name]"><span class="{@name}"><xsl:apply-templates/></span></xsl:template>
<xsl:template match="akn:i"><i><xsl:apply-templates/></i></xsl:template>
<xsl:template match="akn:b"><b><xsl:apply-templates/></b></xsl:template>
<xsl:template match="akn:u"><u><xsl:apply-templates/></u></xsl:template>
<xsl:template match="akn:sup"><sup><xsl:apply-templates/></sup></xsl:template>
<xsl:template match="akn:sub"><sub><xsl:apply-templates/></sub></xsl:template>
<xsl:template match="akn:eol | akn:br"><br/></xsl:template>
<xsl:template match="akn:date | akn:docDate">
  <time datetime="{@date}" class="{local-name()}"><xsl:call-template name="ltr-in-rtl"/><xsl:apply-templates/></time>
</xsl:template>
<xsl:template match="akn:num" priority="-0.1"><span class="num"><xsl:apply-templates/></span></xsl:template>


<xsl:template match="akn:ref">
  <xsl:variable name="url"><xsl:call-template name="ref-url"/></xsl:variable>
  <xsl:variable name="d"><xsl:call-template name="text-dir"/></xsl:variable>
  <xsl:if test="$d = 'rtl'">
    <xsl:call-template name="latin-join">
      <xsl:with-param name="text" select="following-sibling::node()[1][self::text()]"/>
      <xsl:with-param name="ref" select="following-sibling::node()[2][self::akn:ref]"/>
    </xsl:call-template>
  </xsl:if>
  <xsl:choose>
    <xsl:when test="$url != ''"><a href="{$url}"><xsl:call-template name="ltr-in-rtl"/><xsl:apply-templates/></a></xsl:when>
    <xsl:otherwise><span class="ref"><xsl:call-template name="ltr-in-rtl"/><xsl:apply-templates/></span></xsl:otherwise>
  </xsl:choose>
  <xsl:if test="$d = 'rtl'">
    <xsl:call-template name="latin-join">
      <xsl:with-param name="text" select="preceding-sibling::node()[1][self::text()]"/>
      <xsl:with-param name="ref" select="preceding-sibling::node()[2][self::akn:ref]"/>
    </xsl:call-template>
  </xsl:if>
</xsl:template>

<!-- Two symbols joined by Latin words in right-to-left text ("(S/12600
     and S/12606)"): the bidi algorithm sets the two isolates right to
     left round the words ("(S/12606 and S/12600)"); a left-to-right mark
     before the first and after the last makes them one left-to-right
     stretch, in their order, as the PDF sets them. -->
<xsl:template name="latin-join">
  <xsl:param name="text"/>
  <xsl:param name="ref"/>
  <xsl:if test="$ref and translate($text, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', '') != string($text) and translate($text, 'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي', '') = string($text)">&#x200E;</xsl:if>
</xsl:template>

<!-- A symbol in a document's number. -->
<xsl:template match="akn:docNumber">
  <span class="docNumber"><xsl:call-template name="ltr-in-rtl"/><xsl:apply-templates/></span>
</xsl:template>

<!-- Symbols (S/RES/381 (1975)) and Latin dates in right-to-left text:
     dir="ltr" makes the element an isolate that keeps its own order, as
     <bdi> would. -->
<xsl:template name="ltr-in-rtl">
  <xsl:variable name="d"><xsl:call-template name="text-dir"/></xsl:variable>
  <xsl:if test="$d = 'rtl' and not(translate(., 'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي', '') != .)">
    <xsl:attribute name="dir">ltr</xsl:attribute>
  </xsl:if>
</xsl:template>

<!-- The direction of the text round the context node: its document's. -->
<xsl:template name="text-dir">
  <xsl:choose>
    <xsl:when test="$one-part"><xsl:value-of select="$dir"/></xsl:when>
    <xsl:otherwise>
      <xsl:variable name="l"><xsl:call-template name="bcp47"><xsl:with-param name="doc" select="ancestor::*[key('meta', generate-id())][1]"/></xsl:call-template></xsl:variable>
      <xsl:call-template name="dir"><xsl:with-param name="lang" select="$l"/></xsl:call-template>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- Where a reference goes: a part of this page, a resolution of the
     site, $ref-url for other resolutions, or a safe URL; else nothing. -->
<xsl:template name="ref-url">
  <xsl:variable name="h" select="normalize-space(translate(@href, '&#9;&#10;&#13;', ''))"/>
  <xsl:choose>
    <xsl:when test="starts-with($h, '#')">
      <xsl:if test="key('eid', substring($h, 2))"><xsl:value-of select="$h"/></xsl:if>
    </xsl:when>
    <xsl:when test="starts-with($h, '/akn/')">
      <xsl:call-template name="akn-url"><xsl:with-param name="h" select="$h"/></xsl:call-template>
    </xsl:when>
    <xsl:otherwise>
      <xsl:variable name="l" select="translate($h, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
      <xsl:variable name="scheme" select="substring-before($l, ':')"/>
      <xsl:choose>
        <xsl:when test="$h = ''"/>
        <xsl:when test="starts-with($l, 'http://') or starts-with($l, 'https://') or starts-with($l, 'mailto:')">
          <xsl:value-of select="$h"/>
        </xsl:when>
        <!-- Relative: no scheme before the first / ? or #. -->
        <xsl:when test="not(contains($l, ':')) or contains($scheme, '/') or contains($scheme, '?') or contains($scheme, '#')">
          <xsl:value-of select="$h"/>
        </xsl:when>
      </xsl:choose>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- A cited document: its symbol is in @title (respub's AKN), else it is
     rebuilt from the IRI /akn/un/statement/deliberation/{actor}/{date}/{number}. -->
<xsl:template name="akn-url">
  <xsl:param name="h"/>
  <xsl:variable name="p" select="substring-after(substring-after(substring-after(substring-after($h, '/akn/'), '/'), '/'), '/')"/>
  <xsl:variable name="actor" select="substring-before($p, '/')"/>
  <xsl:variable name="d" select="substring-before(substring-after($p, '/'), '/')"/>
  <xsl:variable name="number" select="substring-before(concat(substring-after(substring-after($p, '/'), '/'), '/'), '/')"/>
  <xsl:variable name="year" select="substring($d, 1, 4)"/>
  <xsl:variable name="n" select="translate($number, '-', '/')"/>
  <xsl:variable name="sym">
    <xsl:choose>
      <xsl:when test="@title != ''"><xsl:value-of select="@title"/></xsl:when>
      <xsl:when test="$actor = 'un-sc'"><xsl:value-of select="concat('S/RES/', $n, ' (', $year, ')')"/></xsl:when>
      <xsl:when test="$actor = 'un-ga'"><xsl:value-of select="concat('A/RES/', $n)"/></xsl:when>
      <xsl:when test="$actor = 'un-ecosoc'"><xsl:value-of select="concat('E/RES/', $n)"/></xsl:when>
      <xsl:when test="$actor = 'un-hrc'"><xsl:value-of select="concat('A/HRC/RES/', $n)"/></xsl:when>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="here" select="$cat/s:resolution[@symbol = $sym]"/>
  <!-- The document the reference stands in: on a page of one part, the
       main one, found without a search. -->
  <xsl:variable name="part" select="$main[$one-part] | ancestor::*[not($one-part)][key('meta', generate-id())][1]"/>
  <xsl:choose>
    <!-- Not a link to the page itself. -->
    <xsl:when test="$sym = $part/akn:meta/descendant::akn:FRBRalias[@name = 'unSymbol']/@value or ($sym = $symbol and (not($here) or $here[@page = $page]))"/>
    <!-- The site's page in the language of the part, else its first. -->
    <xsl:when test="$here">
      <xsl:variable name="mylang" select="$part/akn:meta//akn:FRBRlanguage/@language"/>
      <xsl:choose>
        <xsl:when test="$here[@lang = $mylang]"><xsl:value-of select="$here[@lang = $mylang][1]/@page"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$here[1]/@page"/></xsl:otherwise>
      </xsl:choose>
    </xsl:when>
    <xsl:when test="$ref-url != '' and ($sym != '' or not(contains($ref-url, '{symbol}')))">
      <xsl:call-template name="fill">
        <xsl:with-param name="s" select="$ref-url"/>
        <xsl:with-param name="symbol" select="translate($sym, ' ', '')"/>
        <xsl:with-param name="actor" select="$actor"/>
        <xsl:with-param name="number" select="$number"/>
        <xsl:with-param name="year" select="$year"/>
        <xsl:with-param name="date" select="$d"/>
        <xsl:with-param name="akn" select="$h"/>
      </xsl:call-template>
    </xsl:when>
  </xsl:choose>
</xsl:template>

<!-- Replace the {placeholders} of a link pattern or a date format. -->
<xsl:template name="fill">
  <xsl:param name="s"/>
  <xsl:param name="symbol"/><xsl:param name="actor"/><xsl:param name="number"/>
  <xsl:param name="year"/><xsl:param name="date"/><xsl:param name="akn"/>
  <xsl:param name="day"/><xsl:param name="month"/><xsl:param name="mon"/>
  <xsl:choose>
    <xsl:when test="contains($s, '{') and contains(substring-after($s, '{'), '}')">
      <xsl:variable name="k" select="substring-before(substring-after($s, '{'), '}')"/>
      <xsl:value-of select="substring-before($s, '{')"/>
      <xsl:choose>
        <xsl:when test="$k = 'symbol'"><xsl:value-of select="$symbol"/></xsl:when>
        <xsl:when test="$k = 'actor'"><xsl:value-of select="$actor"/></xsl:when>
        <xsl:when test="$k = 'number'"><xsl:value-of select="$number"/></xsl:when>
        <xsl:when test="$k = 'year'"><xsl:value-of select="$year"/></xsl:when>
        <xsl:when test="$k = 'date'"><xsl:value-of select="$date"/></xsl:when>
        <xsl:when test="$k = 'akn'"><xsl:value-of select="$akn"/></xsl:when>
        <xsl:when test="$k = 'day'"><xsl:value-of select="$day"/></xsl:when>
        <xsl:when test="$k = 'month'"><xsl:value-of select="$month"/></xsl:when>
        <xsl:when test="$k = 'mon'"><xsl:value-of select="$mon"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('{', $k, '}')"/></xsl:otherwise>
      </xsl:choose>
      <!-- The rest, without a call when no placeholder is left (most
           patterns end with their last). -->
      <xsl:variable name="rest" select="substring-after(substring-after($s, '{'), '}')"/>
      <xsl:choose>
        <xsl:when test="contains($rest, '{')">
          <xsl:call-template name="fill">
            <xsl:with-param name="s" select="$rest"/>
            <xsl:with-param name="symbol" select="$symbol"/>
            <xsl:with-param name="actor" select="$actor"/>
            <xsl:with-param name="number" select="$number"/>
            <xsl:with-param name="year" select="$year"/>
            <xsl:with-param name="date" select="$date"/>
            <xsl:with-param name="akn" select="$akn"/>
            <xsl:with-param name="day" select="$day"/>
            <xsl:with-param name="month" select="$month"/>
            <xsl:with-param name="mon" select="$mon"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
      </xsl:choose>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- ====================================================== index pages -->

<!-- The title of a page of the site's own: its body, and the year,
     session or page it lists. -->
<xsl:template match="s:site" mode="title">
  <xsl:choose>
    <xsl:when test="@kind = 'home'"><xsl:value-of select="$site-title"/></xsl:when>
    <xsl:when test="@kind = 'search'">
      <xsl:call-template name="ui"><xsl:with-param name="key" select="'search'"/></xsl:call-template>
    </xsl:when>
    <xsl:when test="@kind = 'body'"><xsl:value-of select="@title"/></xsl:when>
    <xsl:otherwise>
      <xsl:value-of select="concat(@title, ': ')"/>
      <xsl:apply-templates select="s:crumb[last()]" mode="label"/>
      <xsl:for-each select="s:nav[@key = 'pages']/s:a[@current]">
        <xsl:value-of select="concat(' (', @label, '/', count(../s:a), ')')"/>
      </xsl:for-each>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- A link's text: its own label, a label of the interface, or both
     ("Session 80"). -->
<xsl:template match="*" mode="label">
  <xsl:if test="@key">
    <xsl:call-template name="ui"><xsl:with-param name="key" select="@key"/></xsl:call-template>
  </xsl:if>
  <xsl:if test="@key and @label"><xsl:text> </xsl:text></xsl:if>
  <xsl:value-of select="@label"/>
</xsl:template>

<!-- site > body > year: where the page stands. -->
<xsl:template match="s:site" mode="crumbs">
  <xsl:variable name="label"><xsl:call-template name="ui"><xsl:with-param name="key" select="'breadcrumb'"/></xsl:call-template></xsl:variable>
  <nav class="crumbs" aria-label="{$label}">
    <ol>
      <xsl:for-each select="s:crumb">
        <li>
          <xsl:choose>
            <xsl:when test="@href"><a href="{@href}"><xsl:apply-templates select="." mode="crumb"/></a></xsl:when>
            <xsl:otherwise><span aria-current="page"><xsl:apply-templates select="." mode="crumb"/></span></xsl:otherwise>
          </xsl:choose>
        </li>
      </xsl:for-each>
    </ol>
  </nav>
</xsl:template>

<xsl:template match="s:crumb" mode="crumb">
  <xsl:variable name="org"><xsl:if test="@org"><xsl:call-template name="ui"><xsl:with-param name="key" select="concat('org-', @org)"/></xsl:call-template></xsl:if></xsl:variable>
  <xsl:choose>
    <xsl:when test="@key = 'home'"><xsl:value-of select="$site-title"/></xsl:when>
    <xsl:when test="$org != ''"><xsl:value-of select="$org"/></xsl:when>
    <xsl:otherwise><xsl:apply-templates select="." mode="label"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template match="s:site">
  <article class="index">
    <h1 id="title"><xsl:value-of select="$title-text"/></h1>
    <xsl:if test="@kind != 'search'">
      <xsl:variable name="label"><xsl:call-template name="ui"><xsl:with-param name="key" select="'by-body'"/></xsl:call-template></xsl:variable>
      <nav class="browse" aria-label="{$label}">
        <xsl:variable name="here" select="@title"/>
        <p>
          <xsl:value-of select="concat($label, ' ')"/>
          <xsl:for-each select="s:body">
            <xsl:if test="position() > 1"> · </xsl:if>
            <a href="{@page}">
              <xsl:if test="@name = $here"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
              <xsl:value-of select="@name"/>
            </a>
          </xsl:for-each>
        </p>
      </nav>
    </xsl:if>
    <xsl:apply-templates select="s:nav | s:feed | s:rows"/>
    <xsl:if test="@kind = 'search'"><xsl:call-template name="search-box"/></xsl:if>
  </article>
</xsl:template>

<!-- Years, sessions, pages of a year, languages of the search. -->
<xsl:template match="s:nav">
  <xsl:variable name="label"><xsl:call-template name="ui"><xsl:with-param name="key" select="@key"/></xsl:call-template></xsl:variable>
  <nav class="browse" aria-label="{$label}">
    <p>
      <xsl:value-of select="concat($label, ' ')"/>
      <xsl:for-each select="s:a">
        <xsl:if test="position() > 1"> · </xsl:if>
        <a href="{@href}">
          <xsl:if test="@current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
          <xsl:if test="@lang">
            <xsl:attribute name="lang"><xsl:call-template name="lang-tag"><xsl:with-param name="l" select="@lang"/></xsl:call-template></xsl:attribute>
          </xsl:if>
          <xsl:apply-templates select="." mode="label"/>
        </a>
        <xsl:if test="@count"><xsl:value-of select="concat('&#160;(', @count, ')')"/></xsl:if>
      </xsl:for-each>
    </p>
  </nav>
</xsl:template>

<xsl:template match="s:feed">
  <p class="feed">
    <a href="{@href}" type="application/atom+xml">
      <xsl:call-template name="ui"><xsl:with-param name="key" select="'feed'"/></xsl:call-template>
    </a>
  </p>
</xsl:template>

<!-- One table, the same columns on every page, so they line up. -->
<xsl:template match="s:rows">
  <xsl:if test="@key">
    <h2><xsl:call-template name="ui"><xsl:with-param name="key" select="@key"/></xsl:call-template></h2>
  </xsl:if>
  <table class="catalog">
    <colgroup><col class="c-symbol"/><col class="c-date"/><col class="c-title"/></colgroup>
    <thead>
      <tr>
        <th scope="col"><xsl:call-template name="ui"><xsl:with-param name="key" select="'symbol'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="ui"><xsl:with-param name="key" select="'date'"/></xsl:call-template></th>
        <th scope="col"><xsl:call-template name="ui"><xsl:with-param name="key" select="'title-subject'"/></xsl:call-template></th>
      </tr>
    </thead>
    <tbody>
      <xsl:for-each select="s:resolution">
        <tr>
          <td><a href="{@page}"><xsl:value-of select="@label"/></a></td>
          <td><xsl:apply-templates select="@date"/></td>
          <td>
            <xsl:attribute name="lang"><xsl:call-template name="lang-tag"><xsl:with-param name="l" select="@lang"/></xsl:call-template></xsl:attribute>
            <xsl:choose>
              <xsl:when test="@title"><xsl:value-of select="@title"/></xsl:when>
              <xsl:otherwise><span class="subject"><xsl:value-of select="@subject"/></span></xsl:otherwise>
            </xsl:choose>
            <xsl:apply-templates select="s:version[1]" mode="row"/>
          </td>
        </tr>
      </xsl:for-each>
    </tbody>
  </table>
</xsl:template>

<!-- Pagefind's interface; without JavaScript, a note. -->
<xsl:template name="search-box">
  <div id="search" class="search"></div>
  <noscript><p><xsl:call-template name="ui"><xsl:with-param name="key" select="'search-noscript'"/></xsl:call-template></p></noscript>
  <script src="pagefind/pagefind-ui.js"></script>
  <!-- The input is named by the page's heading (axe: a visible label). -->
  <script>addEventListener("DOMContentLoaded", function () { new PagefindUI({ element: "#search", baseUrl: new URL(".", location.href).pathname, showImages: false, showSubResults: false }); var i = document.querySelector("#search input"); if (i) i.setAttribute("aria-labelledby", "title"); });</script>
</xsl:template>

<!-- What Pagefind shows and filters on beside the text. -->
<xsl:template match="s:resolution" mode="search-data">
  <div hidden="">
    <span data-pagefind-meta="{concat('symbol:', @label)}"></span>
    <xsl:if test="@date"><span data-pagefind-meta="{concat('date:', @date)}"></span></xsl:if>
    <!-- The body in the page's language, as the index pages name it. -->
    <xsl:variable name="org"><xsl:call-template name="ui"><xsl:with-param name="key" select="concat('org-', @actor)"/></xsl:call-template></xsl:variable>
    <xsl:variable name="body">
      <xsl:choose>
        <xsl:when test="$org != ''"><xsl:value-of select="$org"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="ui"><xsl:with-param name="key" select="'organization'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <span data-pagefind-filter="{concat('body:', $body)}"></span>
    <xsl:if test="@date"><span data-pagefind-filter="{concat('year:', substring(@date, 1, 4))}"></span></xsl:if>
  </div>
</xsl:template>

<xsl:template match="@date">
  <time datetime="{.}"><xsl:call-template name="human-date"><xsl:with-param name="iso" select="."/></xsl:call-template></time>
</xsl:template>

<!-- ========================================================= helpers -->

<xsl:template name="id">
  <xsl:if test="@eId"><xsl:attribute name="id"><xsl:value-of select="@eId"/></xsl:attribute></xsl:if>
</xsl:template>

<!-- The writer's class of a block, kept for styling. -->
<xsl:template name="class">
  <xsl:if test="@class"><xsl:attribute name="class"><xsl:value-of select="@class"/></xsl:attribute></xsl:if>
</xsl:template>

<!-- A visible link to the part, shown on hover.  Its label is looked up
     once for a page in one language (it is on every paragraph). -->
<xsl:variable name="permalink-label"><xsl:call-template name="ui"><xsl:with-param name="key" select="'permalink'"/></xsl:call-template></xsl:variable>
<xsl:template name="permalink">
  <xsl:if test="@eId">
    <!-- The label straight into the attribute: a variable would be a
         tree of its own for every paragraph. -->
    <a class="pl" href="#{@eId}">
      <xsl:attribute name="aria-label">
        <xsl:choose>
          <xsl:when test="$one-part"><xsl:value-of select="$permalink-label"/></xsl:when>
          <xsl:otherwise><xsl:call-template name="ui"><xsl:with-param name="key" select="'permalink'"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:text>¶</xsl:text>
    </a>
  </xsl:if>
</xsl:template>

<!-- A label in the language of the part it stands in (an English
     resolution annexed to a Chinese letter gets English labels), else in
     the page's. -->
<xsl:template name="ui">
  <xsl:param name="key"/>
  <xsl:choose>
    <xsl:when test="$one-part">
      <xsl:call-template name="ui-in"><xsl:with-param name="key" select="$key"/></xsl:call-template>
    </xsl:when>
    <xsl:otherwise>
      <xsl:variable name="doc" select="ancestor-or-self::*[key('meta', generate-id())][1]"/>
      <xsl:variable name="part">
        <xsl:if test="$doc">
          <xsl:call-template name="bcp47"><xsl:with-param name="doc" select="$doc"/></xsl:call-template>
        </xsl:if>
      </xsl:variable>
      <xsl:call-template name="ui-in">
        <xsl:with-param name="key" select="$key"/>
        <xsl:with-param name="l" select="substring-before(concat($part, '-'), '-')"/>
      </xsl:call-template>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- The string of key in language l, else in the page's, else in
     English; looked up in the strings' own document. -->
<xsl:template name="ui-in">
  <xsl:param name="key"/>
  <xsl:param name="l" select="''"/>
  <xsl:for-each select="$ui-strings">
    <xsl:choose>
      <xsl:when test="$l != '' and key('ui', concat($l, ':', $key))"><xsl:value-of select="key('ui', concat($l, ':', $key))"/></xsl:when>
      <xsl:when test="key('ui', concat($ui, ':', $key))"><xsl:value-of select="key('ui', concat($ui, ':', $key))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="key('ui', concat('en:', $key))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:for-each>
</xsl:template>

<!-- 2003-12-22 as the reader writes it: "22 December 2003" (the
     date-format string of the page's language: {day}, first-day for the
     1st where the language has it, {mon}, {month} from month-1 to
     month-12, {year}); any other value as it is. -->
<xsl:template name="human-date">
  <xsl:param name="iso"/>
  <xsl:choose>
    <xsl:when test="string-length($iso) = 10 and substring($iso, 5, 1) = '-' and substring($iso, 8, 1) = '-' and string(number(substring($iso, 6, 2))) != 'NaN'">
      <xsl:variable name="fmt"><xsl:call-template name="ui"><xsl:with-param name="key" select="'date-format'"/></xsl:call-template></xsl:variable>
      <xsl:variable name="month"><xsl:call-template name="ui"><xsl:with-param name="key" select="concat('month-', number(substring($iso, 6, 2)))"/></xsl:call-template></xsl:variable>
      <!-- The 1st as the language writes it where it has a form ("1er"),
           as the PDF does. -->
      <xsl:variable name="d" select="number(substring($iso, 9, 2))"/>
      <xsl:variable name="first"><xsl:if test="$d = 1"><xsl:call-template name="ui"><xsl:with-param name="key" select="'first-day'"/></xsl:call-template></xsl:if></xsl:variable>
      <xsl:call-template name="fill">
        <xsl:with-param name="s" select="$fmt"/>
        <xsl:with-param name="day">
          <xsl:value-of select="$first"/>
          <xsl:if test="$first = ''"><xsl:value-of select="$d"/></xsl:if>
        </xsl:with-param>
        <xsl:with-param name="month" select="$month"/>
        <xsl:with-param name="mon" select="number(substring($iso, 6, 2))"/>
        <xsl:with-param name="year" select="substring($iso, 1, 4)"/>
      </xsl:call-template>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="$iso"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- The name of the body a document's FRBRauthor points to. -->
<xsl:template name="author-name">
  <xsl:param name="doc"/>
  <xsl:variable name="a" select="substring-after($doc/akn:meta//akn:FRBRWork/akn:FRBRauthor/@href, '#')"/>
  <!-- In doc's language where the strings have it (org-un-ga...). -->
  <xsl:variable name="l"><xsl:call-template name="bcp47"><xsl:with-param name="doc" select="$doc"/></xsl:call-template></xsl:variable>
  <xsl:variable name="named">
    <xsl:call-template name="ui-in">
      <xsl:with-param name="key" select="concat('org-', $a)"/>
      <xsl:with-param name="l" select="substring-before(concat($l, '-'), '-')"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:value-of select="$named"/>
  <xsl:if test="$named = ''">
    <xsl:value-of select="($doc/akn:meta/akn:references/akn:TLCOrganization[@eId = $a] | $input//akn:references/akn:TLCOrganization[@eId = $a])[1]/@showAs"/>
  </xsl:if>
</xsl:template>

<!-- ISO 639-2 (FRBRlanguage) to a BCP 47 tag. -->
<xsl:template name="bcp47">
  <xsl:param name="doc"/>
  <xsl:call-template name="lang-tag">
    <xsl:with-param name="l" select="string($doc/akn:meta//akn:FRBRExpression/akn:FRBRlanguage/@language)"/>
  </xsl:call-template>
</xsl:template>

<xsl:template name="lang-tag">
  <xsl:param name="l"/>
  <xsl:choose>
    <xsl:when test="$l = 'eng'">en</xsl:when>
    <xsl:when test="$l = 'zho' or $l = 'chi'">zh-Hans</xsl:when>
    <xsl:when test="$l = 'fra' or $l = 'fre'">fr</xsl:when>
    <xsl:when test="$l = 'spa'">es</xsl:when>
    <xsl:when test="$l = 'rus'">ru</xsl:when>
    <xsl:when test="$l = 'ara'">ar</xsl:when>
    <xsl:when test="$l = '' or $l = 'mul' or $l = 'und'">en</xsl:when>
    <xsl:otherwise><xsl:value-of select="$l"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="dir">
  <xsl:param name="lang"/>
  <xsl:choose>
    <xsl:when test="$lang = 'ar' or $lang = 'he' or $lang = 'fa' or $lang = 'ur'">rtl</xsl:when>
    <xsl:otherwise>ltr</xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- A JSON string literal; < > & as \u escapes so no text can close the
     script element. -->
<xsl:template name="json">
  <xsl:param name="s"/>
  <xsl:text>"</xsl:text>
  <xsl:call-template name="json-chars"><xsl:with-param name="s" select="normalize-space($s)"/></xsl:call-template>
  <xsl:text>"</xsl:text>
</xsl:template>

<xsl:template name="json-chars">
  <xsl:param name="s"/>
  <xsl:variable name="bad" select="translate($s, translate($s, '&quot;\&lt;&gt;&amp;', ''), '')"/>
  <xsl:choose>
    <xsl:when test="$bad = ''"><xsl:value-of select="$s"/></xsl:when>
    <xsl:otherwise>
      <xsl:variable name="c" select="substring($bad, 1, 1)"/>
      <xsl:value-of select="substring-before($s, $c)"/>
      <xsl:choose>
        <xsl:when test="$c = '&quot;'">\"</xsl:when>
        <xsl:when test="$c = '\'">\\</xsl:when>
        <xsl:when test="$c = '&lt;'">\u003c</xsl:when>
        <xsl:when test="$c = '&gt;'">\u003e</xsl:when>
        <xsl:otherwise>\u0026</xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="json-chars"><xsl:with-param name="s" select="substring-after($s, $c)"/></xsl:call-template>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
