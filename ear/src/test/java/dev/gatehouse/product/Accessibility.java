package dev.gatehouse.product;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (Deque's accessibility engine, from its webjar) run inside the page the browser shows: the WCAG 2.1 A and
 * AA rules, and the violations axe rates serious or critical. Injected by WebDriver, not served by the portal.
 */
final class Accessibility {

    private static final String AXE = load("META-INF/resources/webjars/axe-core/"
            + System.getProperty("axe-core.version") + "/axe.min.js");

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            // after PrimeFaces' ajax requests have ended and the fades they start are over: a button disabled
            // meanwhile, or fading back in, is faded, not inaccessible
            const idle = () => (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty())
                && (!window.jQuery || jQuery.active === 0)
                && (!document.getAnimations || document.getAnimations().every(a => a.playState !== 'running'));
            const settled = (tries) => new Promise(resolve => (function wait(left) {
                if (idle() || left === 0) { setTimeout(resolve, 400); } else { setTimeout(() => wait(left - 1), 100); }
            })(tries));
            settled(50).then(() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                               resultTypes: ['violations']})
               .then(result => done(result.violations
                   .filter(v => v.impact === 'serious' || v.impact === 'critical')
                   .map(v => v.id + ' (' + v.impact + '): ' + v.help + ': ' + v.nodes.map(n => n.target.join(' ')
                       + (n.any.length && n.any[0].data && n.any[0].data.fgColor
                           ? ' [' + n.any[0].data.fgColor + ' on ' + n.any[0].data.bgColor + ', '
                               + n.any[0].data.contrastRatio + ':1]' : '')).join(' | '))))
               .catch(e => done(['axe-core failed: ' + e])));
            """;

    private Accessibility() {
    }

    /** The serious and critical violations on the page as it is now, one line each. */
    @SuppressWarnings("unchecked")
    static List<String> violations(ChromeDriver browser) {
        browser.executeScript(AXE);
        return (List<String>) browser.executeAsyncScript(RUN);
    }

    static void assertAccessible(ChromeDriver browser, String page) {
        List<String> violations = violations(browser);
        assertTrue(violations.isEmpty(), page + " has accessibility violations:\n  " + String.join("\n  ", violations));
    }

    private static String load(String resource) {
        try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
