package dev.gatehouse.runtime.problem;

import dev.gatehouse.runtime.JsonOutput;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * The error page for a 500 that the container answers itself, before or outside JAX-RS (see web.xml): an RFC 9457
 * body without detail instead of the server's HTML page with its name and version. JAX-RS's own failures are
 * mapped by {@link UnexpectedProblemMapper}.
 */
@WebServlet("/_gatehouse/server-error")
public class ServerErrorPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Response answer = Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal_error",
                "The server could not answer this request.").toResponse();
        response.setStatus(answer.getStatus());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(answer.getMediaType().toString());
        response.setCharacterEncoding("UTF-8");
        JsonOutput.writer(response.getWriter()).write((JsonObject) answer.getEntity());
    }
}
