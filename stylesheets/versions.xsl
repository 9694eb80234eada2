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

</xsl:stylesheet>
