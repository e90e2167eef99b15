package io.sluice.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.template.functions.FunctionLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function ESO's template engine ships (runtime/template/v2: ESO's own functions, its copy of sprig's
 * TxtFuncMap without env, expandenv and getHostByName, and Go text/template's builtins) is either provided by Sluice
 * or listed in docs/templating.md as not provided, and then a template calling it gets UnsupportedGoTemplate naming
 * the function. The list is ESO's, written out here so that a function added to the library or dropped from the docs
 * shows up as a failure.
 */
class EsoFunctionCoverageTest {
    private static final String ESO_FUNCTIONS = """
            hello ago date date_in_zone date_modify dateInZone dateModify duration durationRound htmlDate htmlDateInZone
            must_date_modify mustDateModify mustToDate now toDate unixEpoch
            abbrev abbrevboth trunc trim upper lower title untitle substr repeat trimall trimAll trimSuffix trimPrefix
            nospace initials randAlphaNum randAlpha randAscii randNumeric swapcase shuffle snakecase camelcase kebabcase
            wrap wrapWith contains hasPrefix hasSuffix quote squote cat indent nindent replace plural sha1sum sha256sum
            sha512sum adler32sum toString
            atoi int64 int float64 seq toDecimal split splitList splitn toStrings until untilStep add1 add sub div mod mul
            randInt add1f addf subf divf mulf biggest max min maxf minf ceil floor round join sortAlpha
            default empty coalesce all any compact mustCompact fromJson toJson toPrettyJson toRawJson mustFromJson
            mustToJson mustToPrettyJson mustToRawJson ternary deepCopy mustDeepCopy typeOf typeIs typeIsLike kindOf kindIs
            deepEqual
            base dir clean ext isAbs osBase osClean osDir osExt osIsAbs b64enc b64dec b32enc b32dec hexdec
            tuple list dict get set unset hasKey pluck keys pick omit merge mergeOverwrite mustMerge mustMergeOverwrite
            values append push mustAppend mustPush prepend mustPrepend first mustFirst rest mustRest last mustLast initial
            mustInitial reverse mustReverse uniq mustUniq without mustWithout has mustHas slice mustSlice concat dig chunk
            mustChunk
            bcrypt htpasswd genPrivateKey derivePassword buildCustomCert genCA genCAWithKey genSelfSignedCert
            genSelfSignedCertWithKey genSignedCert genSignedCertWithKey encryptAES decryptAES randBytes uuidv4
            semver semverCompare fail regexMatch mustRegexMatch regexFindAll mustRegexFindAll regexFind mustRegexFind
            regexReplaceAll mustRegexReplaceAll regexReplaceAllLiteral mustRegexReplaceAllLiteral regexSplit
            mustRegexSplit regexQuoteMeta urlParse urlJoin
            pkcs12key pkcs12keyPass pkcs12cert pkcs12certPass pemToPkcs12 pemToPkcs12Pass fullPemToPkcs12
            fullPemToPkcs12Pass pemTruststoreToPKCS12 pemTruststoreToPKCS12Pass filterPEM filterCertChain certSANs
            jwkPublicKeyPem jwkPrivateKeyPem toYaml fromYaml rsaDecrypt
            and call html index js len not or print printf println urlquery eq ge gt le lt ne
            """;
    /** Go builtins the translator turns into Qute operators or lookups rather than library calls. */
    private static final Set<String> TRANSLATED =
            Set.of("and", "or", "not", "eq", "ne", "lt", "le", "gt", "ge", "index");

    static Stream<String> esoFunctions() {
        return Arrays.stream(ESO_FUNCTIONS.split("\\s+")).filter(s -> !s.isEmpty());
    }

    @Test
    void theListHoldsEachNameOnce() {
        assertEquals(esoFunctions().count(), esoFunctions().distinct().count());
    }

    static Stream<String> notProvided() {
        FunctionLibrary library = FunctionLibrary.standard();
        return esoFunctions().filter(name -> !library.has(name) && !TRANSLATED.contains(name));
    }

    @Test
    void everyFunctionNotProvidedIsListedInTheDocsWithItsReason() throws IOException {
        String docs = Files.readString(Path.of("docs/templating.md"));
        int section = docs.indexOf("### Functions ESO ships that Sluice does not");
        assertTrue(section >= 0, "docs/templating.md has the section");
        String listed = docs.substring(section, docs.indexOf("\n## ", section));
        List<String> missing = new ArrayList<>();
        notProvided().forEach(name -> {
            if (!listed.contains("`" + name + "`")) {
                missing.add(name);
            }
        });
        assertEquals(List.of(), missing, "listed in docs/templating.md");
    }

    @Test
    void theDocsListNothingThatIsProvided() throws IOException {
        String docs = Files.readString(Path.of("docs/templating.md"));
        int section = docs.indexOf("### Functions ESO ships that Sluice does not");
        String listed = docs.substring(section, docs.indexOf("\n## ", section));
        FunctionLibrary library = FunctionLibrary.standard();
        Set<String> wronglyListed = new TreeSet<>();
        esoFunctions()
                .filter(library::has)
                .filter(name -> listed.contains("`" + name + "`"))
                .forEach(wronglyListed::add);
        assertEquals(Set.of(), wronglyListed);
    }

    @ParameterizedTest
    @MethodSource("notProvided")
    void usingOneNotProvidedIsUnsupportedGoTemplateNamingIt(String name) {
        TemplateException e = assertThrows(TemplateException.class, () -> Render.render("{{ " + name + " \"x\" }}"));
        assertEquals("UnsupportedGoTemplate", e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("function " + name), e.getMessage());
    }
}
