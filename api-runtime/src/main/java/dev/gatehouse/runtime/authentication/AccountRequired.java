package dev.gatehouse.runtime.authentication;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Resources that need a Gatehouse account signed in with HTTP Basic: developers' and publishers' alike (the
 * resource or its service then checks the role); see {@link BasicAuthenticationFilter}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AccountRequired {
}
