package dev.gatehouse.keymanager.authorization;

import dev.gatehouse.keymanager.database.TestDatabase;

/** Every test of the authorization-code flow again on PostgreSQL, whose typing H2 does not share (UUID columns). */
class AuthorizationCodeFlowOnPostgresqlTest extends AuthorizationCodeFlowTest {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
