package org.pkcn.exchange.identity;

import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * A sign-in as one engine command: find the account (by its id, or as the one account with an e-mail address),
 * check the password, read the account's groups. Through the IdentityService these were three commands, each
 * its own transaction, and the account was read twice; here the password check finds it in the command's cache.
 * The check is the engine's own, as {@code IdentityService.checkPassword} runs it: a failed attempt is counted
 * and delays the account, in this command's transaction (it returns, rather than throws, so that it commits).
 * For the engine's REST API it also reads the account's review spaces (the engine's tenants, its own and its
 * groups'), which the engine's authorizations need there; the portal and the API need none.
 * Not a record: the password must not appear in a {@code toString}.
 */
final class SignInCheck implements Command<SignInCheck.Account> {

    /** The account signed in, with the ids of its groups and (when asked for) of its review spaces. */
    record Account(User user, List<String> groups, List<String> spaces) {
    }

    private final String login;
    private final String password;
    private final boolean withSpaces;

    SignInCheck(String login, String password, boolean withSpaces) {
        this.login = login;
        this.password = password;
        this.withSpaces = withSpaces;
    }

    /** The account, or null when the login or the password is wrong (or the account is delayed). */
    @Override
    public Account execute(CommandContext context) {
        ReadOnlyIdentityProvider identities = context.getReadOnlyIdentityProvider();
        User user = find(identities, context);
        if (user == null || password.isEmpty() || !identities.checkPassword(user.getId(), password)) {
            return null;
        }
        List<String> groups = identities.createGroupQuery(context).groupMember(user.getId()).list().stream()
                .map(Group::getId).toList();
        List<String> spaces = withSpaces ? identities.createTenantQuery(context).userMember(user.getId())
                .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList() : List.of();
        return new Account(user, groups, spaces);
    }

    private User find(ReadOnlyIdentityProvider identities, CommandContext context) {
        if (login.isEmpty() || login.length() > 254) {
            return null;
        }
        if (login.contains("@")) {
            List<User> users = identities.createUserQuery(context).userEmail(login.toLowerCase()).list();
            return users.size() == 1 ? users.get(0) : null;
        }
        return identities.findUserById(login);
    }
}
