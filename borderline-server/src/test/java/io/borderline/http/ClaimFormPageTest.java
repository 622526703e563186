package io.borderline.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web page's claim-check form: present on the page, its script served under the page's policy,
 * and every country it offers accepted by {@code /claims/check}.
 */
class ClaimFormPageTest {

    @Test
    void thePageHasTheClaimFormAndItsScript() {
        String page = ServerFixture.get("/?f=html").body();
        assertThat(page).contains("<form id=\"claim-form\"", "name=\"place\"", "name=\"to\"", "name=\"claimed_km\"",
            "<script type=\"module\" src=\"/web/claim-check.js\"></script>");
        HttpResponse<String> js = ServerFixture.get("/web/claim-check.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(js.headers().firstValue("Content-Security-Policy").orElse("")).isEqualTo(WebPage.CSP);
        assertThat(js.body()).contains("/places?", "/claims/check?", "verdict_tolerance_km", "measurement_accuracy_m")
            .doesNotContain("innerHTML");
    }

    @Test
    void everyCountryTheFormOffersIsAcceptedByTheCheck() {
        String page = ServerFixture.get("/?f=html").body();
        String select = page.substring(page.indexOf("<select id=\"claim-to\""), page.indexOf("</select>",
            page.indexOf("<select id=\"claim-to\"")));
        Matcher m = Pattern.compile("value=\"([A-Z-]+)\"").matcher(select);
        int n = 0;
        while (m.find()) {
            HttpResponse<String> r = ServerFixture.get("/claims/check?place=narva&to=" + m.group(1) + "&claimed_km=10");
            assertThat(r.statusCode()).as(m.group(1) + " " + r.body()).isEqualTo(200);
            n++;
        }
        assertThat(n).isGreaterThanOrEqualTo(2);
    }
}
