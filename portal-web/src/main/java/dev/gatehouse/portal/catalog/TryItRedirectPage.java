package dev.gatehouse.portal.catalog;

import dev.gatehouse.keymanager.clients.api.OAuthConfiguration;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The try-it console's OAuth2 callback ({@link OAuthConfiguration#TRY_IT_REDIRECT_PATH}): Swagger UI's redirect page,
 * which hands the code to the console that opened the sign-in window. Served under a path without Swagger UI's
 * version, because developers' applications register it as a callback and an upgrade must not break them.
 */
@WebServlet({"/oauth2-redirect.html", "/oauth2-redirect.js"}) // the page, and the script it loads beside it
public class TryItRedirectPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.getRequestDispatcher(SwaggerUi.path("") + request.getServletPath()).forward(request, response);
    }
}
