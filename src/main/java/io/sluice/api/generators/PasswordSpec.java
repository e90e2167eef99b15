package io.sluice.api.generators;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** {@code Password.spec}, also {@code ClusterGenerator.spec.generator.passwordSpec}; ESO's fields and defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PasswordSpec {
    /** Sluice's bound on tenant input: ESO sets none. */
    public static final int MAX_LENGTH = 1024;

    @Default("24")
    @Min(0)
    @Max(MAX_LENGTH)
    public Integer length;
    /** Default: a quarter of the length. */
    @Min(0)
    @Max(MAX_LENGTH)
    public Integer digits;
    /** Default: a quarter of the length. */
    @Min(0)
    @Max(MAX_LENGTH)
    public Integer symbols;
    /** Default: {@code ~!@#$%^&*()_+`-={}|[]\:"<>?,./}. */
    @Size(max = 256)
    public String symbolCharacters;

    @Default("false")
    public Boolean noUpper;

    @Default("false")
    public Boolean allowRepeat;

    @Default("raw")
    @Pattern("^(base64|base64url|base32|hex|raw)$")
    public String encoding;
    /** The keys to generate a password for; default {@code password}. */
    @Size(max = 64)
    public List<String> secretKeys;
}
