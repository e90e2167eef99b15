package io.sluice.generator;

import io.sluice.api.generators.EcrAuthorizationTokenSpec;
import io.sluice.api.generators.PasswordSpec;
import io.sluice.api.generators.StsSessionTokenSpec;
import io.sluice.provider.aws.credentials.CredentialsSourceResolver.AuthOwner;

/** A generator spec found for a reference, with the owner its credentials refs belong to. */
sealed interface ResolvedGenerator {
    record Ecr(AuthOwner owner, EcrAuthorizationTokenSpec spec) implements ResolvedGenerator {}

    record Sts(AuthOwner owner, StsSessionTokenSpec spec) implements ResolvedGenerator {}

    record Random(PasswordSpec spec) implements ResolvedGenerator {}
}
