package dev.gatehouse.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/apis/view.xhtml?id=0b9c3f0e-6f43-4c7e-8e0a-3b1f7a1d2c55", "/index.xhtml?q=pizza&page=2",
            "/applications/view.xhtml?id=a1", "/apis/documentation.xhtml",
            "/authorize.xhtml?response_type=code&client_id=Ab-9_x&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2Fcb"
                    + "&scope=openid+profile&state=s.~1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                    + "&code_challenge_method=S256"})
    void aPortalPageIsWhereThePersonReturns(String next) {
        assertEquals(next, ReturnPath.after(next, false));
        assertEquals(next, ReturnPath.after(next, true));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "//evil.example/index.xhtml", "https://evil.example/index.xhtml", "/\\evil.example",
            "javascript:alert(1)", "/index.xhtml?q=<script>", "/../admin/index.xhtml", "/signin.xhtml",
            "/signup.xhtml?next=/index.xhtml", "/index.xhtml\r\nLocation: https://evil.example", "index.xhtml",
            "/apis/view.xhtml?id=a#fragment", "/api/pizzashack/1.0.0/menu"})
    void anythingElseGoesHome(String next) {
        assertEquals("/index.xhtml", ReturnPath.after(next, false), "a developer's home: the catalog");
        assertEquals("/publisher/index.xhtml", ReturnPath.after(next, true), "an administrator's: Publisher");
    }
}
