package dev.gatehouse.runtime.authentication;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource an account whose password must be changed may still use (its own account, to change the password);
 * every other {@link AccountRequired} resource answers 403 {@code password_change_required} until then.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AllowedBeforePasswordChange {
}
