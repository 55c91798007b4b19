/**
 * The default email body, `email.default.html`: the page Alertmanager 0.25
 * mails, byte for byte as its html/template renders it (HTML comments
 * dropped, values escaped for where they stand). edgealert renders text
 * templates, so the escaping is spelled out with the `__edgealert*`
 * functions of html-escape.ts. Styles are inlined on every element, as
 * mail clients want; the page is assembled from the style rules below.
 *
 * Markup and styles derive from Mailgun's transactional-email-templates,
 * as Alertmanager's do: Copyright (c) 2014 Mailgun, MIT License
 * (https://github.com/mailgun/transactional-email-templates): Permission is
 * hereby granted, free of charge, to any person obtaining a copy of this
 * software and associated documentation files (the "Software"), to deal in
 * the Software without restriction, including without limitation the
 * rights to use, copy, modify, merge, publish, distribute, sublicense,
 * and/or sell copies of the Software, and to permit persons to whom the
 * Software is furnished to do so, subject to the following conditions: The
 * above copyright notice and this permission notice shall be included in
 * all copies or substantial portions of the Software. THE SOFTWARE IS
 * PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
 */

const FONT = "font-family: 'Helvetica Neue', Helvetica, Arial, sans-serif; box-sizing: border-box;";
const BASE = `margin: 0; ${FONT} font-size: 14px;`;

/** A style attribute from rules. */
const css = (...rules: string[]): string => `style="${rules.join(' ')}"`;

const S = {
  base: css(BASE),
  body: css(BASE, '-webkit-font-smoothing: antialiased; -webkit-text-size-adjust: none; height: 100%; line-height: 1.6em; background-color: #f6f6f6; width: 100%;'),
  bodyWrap: `${css(BASE, 'background-color: #f6f6f6; width: 100%;')} width="100%" bgcolor="#f6f6f6"`,
  cell: `${css(BASE, 'vertical-align: top;')} valign="top"`,
  container: `${css(FONT, 'font-size: 14px; vertical-align: top; display: block; max-width: 600px; margin: 0 auto; clear: both;')} valign="top"`,
  content: css(FONT, 'font-size: 14px; max-width: 600px; margin: 0 auto; display: block; padding: 20px;'),
  main: `${css(BASE, 'background-color: #fff; border: 1px solid #e9e9e9; border-radius: 3px;')} bgcolor="#fff"`,
  banner: (color: string): string =>
    `${css(`margin: 0; ${FONT}`, `vertical-align: top; font-size: 16px; color: #fff; font-weight: 500; padding: 20px; text-align: center; border-radius: 3px 3px 0 0; background-color: ${color};`)} valign="top" align="center" bgcolor="${color}"`,
  contentWrap: `${css(BASE, 'vertical-align: top; padding: 30px;')} valign="top"`,
  block: `${css(BASE, 'vertical-align: top; padding: 0 0 20px;')} valign="top"`,
  button: css(
    BASE,
    'text-decoration: none; color: #FFF; background-color: #348eda; border: solid #348eda; border-width: 10px 20px; line-height: 2em;',
    'font-weight: bold; text-align: center; cursor: pointer; display: inline-block; border-radius: 5px; text-transform: capitalize;',
  ),
  link: css(BASE, 'color: #348eda; text-decoration: underline;'),
  footer: css(BASE, 'width: 100%; clear: both; color: #999; padding: 20px;'),
  footerCell: `${css(`margin: 0; ${FONT}`, 'vertical-align: top; padding: 0 0 20px; text-align: center; color: #999; font-size: 12px;')} valign="top" align="center"`,
  footerLink: css(`margin: 0; ${FONT}`, 'text-decoration: underline; color: #999; font-size: 12px;'),
};

const indent = (n: number, line: string): string => `${' '.repeat(n)}${line}`;
const BR = `<br ${S.base}>`;
const strong = (text: string): string => `<strong ${S.base}>${text}</strong>`;
const html = (expr: string): string => `{{ __edgealertHtml ${expr} }}`;
const href = (expr: string): string => `href="{{ __edgealertHtmlURL ${expr} }}"`;

/** The mobile rules of the page's <style> element. */
const MOBILE_CSS = [
  '@media only screen and (max-width: 640px) {',
  [
    ['body', 'padding: 0 !important;'],
    ['h1,\nh2,\nh3,\nh4', 'font-weight: 800 !important;', 'margin: 20px 0 5px !important;'],
    ['h1', 'font-size: 22px !important;'],
    ['h2', 'font-size: 18px !important;'],
    ['h3', 'font-size: 16px !important;'],
    ['.container', 'padding: 0 !important;', 'width: 100% !important;'],
    ['.content', 'padding: 0 !important;'],
    ['.content-wrap', 'padding: 10px !important;'],
    ['.invoice', 'width: 100% !important;'],
  ].map(([selector, ...rules]) => [`  ${selector} {`, ...rules.map((r) => indent(4, r)), '  }'].join('\n')).join('\n\n'),
  '}',
].join('\n');

/** The banner cell: "N alert(s) for" and the group labels, orange while firing, green once resolved. */
function banner(color: string, pairEnd: string): string[] {
  return [
    indent(12, `<td class="alert alert-${color === '#E6522C' ? 'warning' : 'good'}" ${S.banner(color)}>`),
    indent(14, '{{ len .Alerts }} alert{{ if gt (len .Alerts) 1 }}s{{ end }} for {{ range .GroupLabels.SortedPairs }}'),
    indent(16, `${html('.Name')}=${html('.Value')}${pairEnd}`),
    indent(14, '{{ end }}'),
    indent(12, '</td>'),
  ];
}

/** One content row of the alert table. */
const row = (...cell: string[]): string[] => [
  indent(16, `<tr ${S.base}>`),
  indent(18, `<td class="content-block" ${S.block}>`),
  ...cell.map((line) => indent(20, line)),
  indent(18, '</td>'),
  indent(16, '</tr>'),
];

/** One alert: labels, annotations (if any) and the link to its source. Dot is the alert. */
const ALERT = [
  '',
  ...row(
    `${strong('Labels')}${BR}`,
    `{{ range .Labels.SortedPairs }}${html('.Name')} = ${html('.Value')}${BR}{{ end }}`,
    `{{ if .Annotations }}${strong('Annotations')}${BR}{{ end }}`,
    `{{ range .Annotations.SortedPairs }}${html('.Name')} = ${html('.Value')}${BR}{{ end }}`,
    `<a ${href('.GeneratorURL')} ${S.link}>Source</a>${BR}`,
  ),
  indent(16, ''),
].join('\n');

const PAGE = [
  '',
  '',
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
  `<html xmlns="http://www.w3.org/1999/xhtml" ${S.base}>`,
  '<head>',
  '<meta name="viewport" content="width=device-width">',
  '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">',
  `<title>${html('(__edgealertTemplate "__subject" .)')}</title>`,
  '<style>',
  MOBILE_CSS,
  '</style>',
  '</head>',
  '',
  `<body itemscope itemtype="http://schema.org/EmailMessage" ${S.body}>`,
  '',
  `<table class="body-wrap" ${S.bodyWrap}>`,
  indent(2, `<tr ${S.base}>`),
  indent(4, `<td ${S.cell}></td>`),
  indent(4, `<td class="container" width="600" ${S.container}>`),
  indent(6, `<div class="content" ${S.content}>`),
  indent(8, `<table class="main" width="100%" cellpadding="0" cellspacing="0" ${S.main}>`),
  indent(10, `<tr ${S.base}>`),
  indent(12, '{{ if .Alerts.Firing }}'),
  ...banner('#E6522C', ''),
  indent(12, '{{ else }}'),
  ...banner('#68B90F', ' '),
  indent(12, '{{ end }}'),
  indent(10, '</tr>'),
  indent(10, `<tr ${S.base}>`),
  indent(12, `<td class="content-wrap" ${S.contentWrap}>`),
  indent(14, `<table width="100%" cellpadding="0" cellspacing="0" ${S.base}>`),
  ...row(`<a ${href('(__edgealertTemplate "__alertmanagerURL" .)')} class="btn-primary" ${S.button}>View in {{ template "__alertmanager" . }}</a>`),
  indent(16, '{{ with .Alerts.Firing }}'),
  ...row(strong('[{{ len . }}] Firing')),
  indent(16, '{{ end }}'),
  indent(16, '{{ range .Alerts.Firing }}{{ template "__edgealert_email_alert" . }}{{ end }}'),
  '',
  indent(16, '{{ with .Alerts.Resolved }}'),
  indent(18, '{{ if $.Alerts.Firing }}'),
  ...row(BR, `<hr ${S.base}>`, BR),
  indent(18, '{{ end }}'),
  ...row(strong('[{{ len . }}] Resolved')),
  indent(16, '{{ end }}'),
  indent(16, '{{ range .Alerts.Resolved }}{{ template "__edgealert_email_alert" . }}{{ end }}'),
  indent(14, '</table>'),
  indent(12, '</td>'),
  indent(10, '</tr>'),
  indent(8, '</table>'),
  '',
  indent(8, `<div class="footer" ${S.footer}>`),
  indent(10, `<table width="100%" ${S.base}>`),
  indent(12, `<tr ${S.base}>`),
  indent(14, `<td class="aligncenter content-block" ${S.footerCell}><a ${href('.ExternalURL')} ${S.footerLink}>Sent by {{ template "__alertmanager" . }}</a></td>`),
  indent(12, '</tr>'),
  indent(10, '</table>'),
  indent(8, '</div></div>'),
  indent(4, '</td>'),
  indent(4, `<td ${S.cell}></td>`),
  indent(2, '</tr>'),
  '</table>',
  '',
  '</body>',
  '</html>',
  '',
  '',
].join('\n');

/** The `email.default.html` and `__edgealert_email_alert` definitions. */
export const EMAIL_HTML_TEMPLATE = `{{- define "__edgealert_email_alert" }}${ALERT}{{ end }}
{{- define "email.default.html" }}${PAGE}{{ end }}`;
