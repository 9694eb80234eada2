<?xml version="1.0" encoding="UTF-8"?>
<!--
  versions.xsl, part of akn2html.xsl: one resolution in several
  languages.  Every page links its versions (links in the head for
  crawlers, a switch in the page header, in the UN order: Arabic, Chinese,
  English, French, Russian, Spanish); index rows link each language; the
  side-by-side page (respub -\-parallel) sets the versions in aligned
  columns.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
  xmlns:t="urn:x-respub:template"
  xmlns:s="urn:x-respub:site"
  exclude-result-prefixes="akn t s">

<xsl:template match="s:version" mode="alternate">
  <link rel="alternate" href="{@page}">
    <xsl:attribute name="hreflang"><xsl:call-template name="lang-tag"><xsl:with-param name="l" select="@lang"/></xsl:call-template></xsl:attribute>
  </link>
</xsl:template>

<xsl:template name="language-switch">
  <xsl:if test="count($versions) > 1">
    <xsl:variable name="label"><xsl:call-template name="ui"><xsl:with-param name="key" select="'languages'"/></xsl:call-template></xsl:variable>
    <nav class="langs" aria-label="{$label}">
      <ul>
        <xsl:apply-templates select="$versions" mode="switch"/>
        <xsl:if test="$parallel-page != ''">
          <li><a class="parallel-link" href="{$parallel-page}"><xsl:call-template name="ui"><xsl:with-param name="key" select="'side-by-side'"/></xsl:call-template></a></li>
        </xsl:if>
      </ul>
    </nav>
  </xsl:if>
</xsl:template>

<!-- A language's own name, in its language and direction. -->
<xsl:template match="s:version" mode="autonym">
  <xsl:variable name="tag"><xsl:call-template name="lang-tag"><xsl:with-param name="l" select="@lang"/></xsl:call-template></xsl:variable>
  <xsl:attribute name="hreflang"><xsl:value-of select="$tag"/></xsl:attribute>
  <xsl:attribute name="lang"><xsl:value-of select="$tag"/></xsl:attribute>
  <xsl:attribute name="dir"><xsl:call-template name="dir"><xsl:with-param name="lang" select="$tag"/></xsl:call-template></xsl:attribute>
  <xsl:call-template name="ui"><xsl:with-param name="key" select="concat('lang-', @lang)"/></xsl:call-template>
</xsl:template>

<xsl:template match="s:version" mode="switch">
  <li>
    <a href="{@page}">
      <xsl:if test="@current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
      <xsl:apply-templates select="." mode="autonym"/>
    </a>
  </li>
</xsl:template>

<xsl:template match="s:version" mode="row">
  <span class="versions">
    <xsl:for-each select="../s:version">
      <xsl:if test="position() > 1"> · </xsl:if>
      <a href="{@page}"><xsl:apply-templates select="." mode="autonym"/></a>
    </xsl:for-each>
  </span>
</xsl:template>


<!-- ================================================= side by side -->

<!-- The page of respub -\-parallel: a column per version (in the UN
     order), a row per part (the preface, each preambular and operative
     paragraph, the closing lines, each annex and its parts), the part's
     footnotes under it.  An empty cell: the version lacks the part. -->
<xsl:template match="s:site[@kind = 'parallel']" mode="title">
  <xsl:value-of select="@title"/>
  <xsl:text> · </xsl:text>
  <xsl:call-template name="ui"><xsl:with-param name="key" select="'side-by-side'"/></xsl:call-template>
</xsl:template>

<xsl:template match="s:site[@kind = 'parallel']">
  <article class="parallel" style="--n: {count(s:text)}">
    <h1 id="title"><xsl:value-of select="$title-text"/></h1>
    <div class="prow phead">
      <xsl:for-each select="s:text">
        <div class="cell">
          <xsl:call-template name="cell-lang"/>
          <h2>
            <xsl:choose>
              <xsl:when test="@page"><a href="{@page}"><xsl:call-template name="ui"><xsl:with-param name="key" select="concat('lang-', @lang)"/></xsl:call-template></a></xsl:when>
              <xsl:otherwise><xsl:call-template name="ui"><xsl:with-param name="key" select="concat('lang-', @lang)"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </h2>
        </div>
      </xsl:for-each>
    </div>
    <xsl:apply-templates select="s:row"/>
  </article>
</xsl:template>

<!-- lang and dir of the version a cell or column head stands for. -->
<xsl:template name="cell-lang">
  <xsl:variable name="tag"><xsl:call-template name="lang-tag"><xsl:with-param name="l" select="@lang"/></xsl:call-template></xsl:variable>
  <xsl:attribute name="lang"><xsl:value-of select="$tag"/></xsl:attribute>
  <xsl:attribute name="dir"><xsl:call-template name="dir"><xsl:with-param name="lang" select="$tag"/></xsl:call-template></xsl:attribute>
</xsl:template>

<xsl:template match="s:row">
  <div class="prow">
    <xsl:for-each select="s:cell">
      <div class="cell">
        <xsl:call-template name="cell-lang"/>
        <xsl:if test="not(@ref)"><xsl:attribute name="class">cell missing</xsl:attribute></xsl:if>
        <!-- On a phone the columns stack: each cell says its language. -->
        <span class="cell-tag"><xsl:call-template name="ui"><xsl:with-param name="key" select="concat('lang-', @lang)"/></xsl:call-template></span>
        <xsl:apply-templates select="key('eid', @ref)" mode="cell"/>
      </div>
    </xsl:for-each>
  </div>
</xsl:template>

<!-- A part alone: a numbered paragraph keeps its number. -->
<xsl:template match="*" mode="cell">
  <xsl:choose>
    <xsl:when test="self::akn:preface">
      <header class="preface">
        <xsl:apply-templates select="*">
          <xsl:with-param name="title" select="(akn:longTitle | *[descendant::akn:docTitle])[1]"/>
          <xsl:with-param name="level" select="3"/>
        </xsl:apply-templates>
      </header>
    </xsl:when>
    <xsl:when test="self::akn:attachment or self::akn:component">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="3"/>
        <xsl:with-param name="class" select="'annex-title'"/>
        <xsl:with-param name="content"><xsl:apply-templates select="akn:heading/node() | akn:num/node()"/></xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="*[akn:meta]/akn:preface">
        <header class="preface">
          <xsl:apply-templates select="*">
            <xsl:with-param name="title" select="(akn:longTitle | *[descendant::akn:docTitle])[1]"/>
            <xsl:with-param name="level" select="4"/>
          </xsl:apply-templates>
        </header>
      </xsl:for-each>
    </xsl:when>
    <xsl:when test="akn:num and not(akn:heading)">
      <ol class="op"><xsl:apply-templates select="." mode="item"><xsl:with-param name="level" select="3"/></xsl:apply-templates></ol>
    </xsl:when>
    <xsl:otherwise>
      <xsl:apply-templates select="."><xsl:with-param name="level" select="3"/></xsl:apply-templates>
    </xsl:otherwise>
  </xsl:choose>
  <xsl:variable name="notes" select=".//akn:authorialNote[@eId]"/>
  <xsl:if test="$notes">
    <ol class="cell-notes">
      <xsl:for-each select="$notes">
        <li id="{@eId}">
          <span class="num"><xsl:value-of select="@marker"/></span>
          <xsl:apply-templates/>
          <xsl:call-template name="backlink"><xsl:with-param name="id" select="string(@eId)"/><xsl:with-param name="k" select="1"/></xsl:call-template>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:if>
</xsl:template>

</xsl:stylesheet>
