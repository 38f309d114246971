package io.mailsync.timeline.entries;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * HTML from email is sanitized before any page can show it: formatting, links, tables and inline
 * images by data URI survive; scripts, event handlers, forms, iframes and remote resources do not.
 */
final class HtmlSanitizer {

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.LINKS)
          .and(Sanitizers.TABLES)
          .and(Sanitizers.STYLES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("img")
                  .allowAttributes("alt", "width", "height")
                  .onElements("img")
                  .allowUrlProtocols("data")
                  .allowAttributes("src")
                  .matching(
                      (element, attribute, value) -> value.startsWith("data:image/") ? value : null)
                  .onElements("img")
                  .toFactory())
          .and(new HtmlPolicyBuilder().allowElements("hr", "br", "span", "div").toFactory());

  static String sanitize(String html) {
    return html == null ? null : POLICY.sanitize(html);
  }

  private HtmlSanitizer() {}
}
