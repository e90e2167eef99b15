package io.sluice.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.junit.jupiter.api.Test;

/** ESO's rsaDecrypt and htpasswd rows (runtime/template/v2 TestExecute), with ESO's keys and expected bytes. */
class EsoRsaAndHtpasswdCasesTest {
    private static final String PKCS8_KEY = """
            -----BEGIN PRIVATE KEY-----
            MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQChzs1R+jA3Goqi
            ropPzF4Ehpbi6VklbeZWP+RoU3rJshONJO6w9tPhbp0YIXrPSM9P5a9xaaNxDR9e
            u84O05+vq3C4P9I0jb5GSjiuznrmsprFWGaGdd4Vr7Fir1oqfeVc+znQFUCvkq7B
            EWobOonl6ktQ2OHBK0bEzXB7qY7P4ETI6owDUL+pkAwHzdnwk4sXMDKBLT3WZVRn
            xPppIJ4VAEph1fJOCIIskxVBh8cAT4QRxsdu8oB7cAuYJLBBKiS/GGIA7vh9sQrb
            +0BAgLqvy+kiQeQhYgF/Y/uVwkgAphFzSjSjoSFQ50nNE2VJA5J6o7QZ413DlIWr
            VJKNZJDbAgMBAAECggEAemklU5te1pExyJka8fu+NNZNWCUI2BQoaZ+0gGiHQAeE
            WwdRvHc/HBC+r/7EFgUTMXKmI7qzd1diIB0caoMXD6M3h2xg7nk9NZf5AeYbfGQq
            SpnyFk8dUHK2U94s7HCKEKnOtukdIrZplo5CI49Ju7JggC1TvPuscj6pliRUclYY
            Pc6pTVaG+bludDR8YkQ1mGi04wMQHpnisegRpMSjt9uZc1jKM7SSaHggu4/vuewo
            CFdra50/MjidIOXd5T5iVYY28J+gR8oCCKySTogNJ3JpNMNAW4FHfime5B+uS0IA
            YI/N8yjT/BPgRt4lQpR+6zi3fpguWNIM71xye1/R4QKBgQDNZNGFOntbFM2NTPYu
            4APRVu4a0gM+JEA/ozuxTigkgaj6dNeJvaNTxcKG0MmGxQLEcvgCDaWIoM6Qrj1K
            YVwdiv1MddRDdSHQjGjNM6n7jNfYVQ2gP+1wDwTMN+eyAW8KoZByaQimmjyBj/Ps
            C8VWPxyrw/UeHqzTazyEIZ2fHQKBgQDJrM2/xx7F63C6GaW+5gMeColxkdYb29Aw
            R3xb2rn5lVPLW0BORQQuepZuaI+ZLTb4Op7V4yAC/S9femFXpgkZa56aacwy1jxb
            R9WO0CWP3QCUCcIBF/4lbJDZ6gQLr51oahXhhjbgGMrlguC/j4R9n3i58EaeukeE
            +Hsu/hMWVwKBgETsWALFJS/jQzbvZI1GTwGoki4d20i3EXhJZnaRK5dUi0fAfbOT
            F4O9ERH8biPzaIJTsjW+LpYyoB6c2aRkF20yft1xjNE2NSquc1yowZnQIX5OzEvC
            KAM6hvmgqPdq08BVhwtdg7GkgDlZ/Rhwur++XfilwVNiJ8yqZ5xPS31hAoGBALnu
            hB5MMPXd86bPoHyYSMV4h3DaOGCkzpLERUXWKOGOp5tzfJzsikdjo68U3VcmVWiT
            ev7MkCXRUMyg4n/RRtBV5PqNkcJIu4qYdq5c/lRdN3xEZsVlXl0Yc49EbghsFx49
            uACdIZiHov/oItbZNRgwXzhl6mXKbceM4tzXR7evAoGBALug2beVoVAl2nAB2RkQ
            Jy3viDKO+C6Z82gsS5x9Wif9cJTppIarZC+t7w33f4WHJiYT1VDxse08dohC5Nn7
            7WWKdtLMSyUaXE46s37Kl5tkTkROj3wBzSIzwLYAwsthcpQVubwDAMsig8EUAdr/
            0IwaauEPX9lBYMZDMYuSAR5n
            -----END PRIVATE KEY-----
            """;
    private static final String PKCS8_DATA =
            "hAZJktRFdzSkGxxiiSE46T271veCgwvC0GrY+AwDYA/KeuFZFdPgZsJ74awu1WR6x4BrbMLTXNpQw4U"
                    + "qChdbaM7VoKUCkPTcCU1jsveqYNisM2MNF98QjNjvp+9jXHfAsClLA5AvJxe3GjfWIi18E4PieFpATn/BTrmoklx4rSkWmfifZol7Wcny0D2"
                    + "fhrj/JOdxEIqowUB/tNwYzNd+lXgm55wea+G3YnD3Fr4ARaCCaQMUcdW9Kgx7mmZGZE3xDAhs8WMfpe9xVZ17Ca7Sw2r1JKS0o0fYiZNHUmC"
                    + "XVsP9O+//+0sfEtETiVUF0jItrwlK4GL8+bVcXQ9N2TW7+g==";
    private static final String PKCS1_KEY = """
            -----BEGIN RSA PRIVATE KEY-----
            MIICXAIBAAKBgQC8ronsBTX6GD5YhoE/v76+ZkWX0gODzAD+aCYIyTs4PiWruxlV
            SOtjwq2gRgUexE5Hsz8cxhFz5Db8qFXBsA+GgXjByQuVbBw04SCKHgc0zhbcWonV
            3Rk03pjVB1HfuxcDRja8JZontfMAJyPNJovPu3rIi8npSC+T5g7Fq9UCbQIDAQAB
            AoGAAo2+MiKT63GejmYro6g9taf+syJVh9gf/1F7ikzm70jwC5X5rszQ2sXMwcmQ
            0izH/nJvnT0VCWOCVwMUPg3a9+odoMNFyg2u3XCLBNr3vlgG3xeCTdjzaMnY61ct
            xU4JgpIuiAlwCqhNfKuHxeesM/cvh9eC11ELXh27gLsNCEECQQDng5klIGPLHfiN
            3wam6wxLnqHPuhXAyrOAKA1qBlZGKI6n6iBYpfN+Y70gt10f3SBlFfkSyF7uZsUy
            maofmjARAkEA0KM6Rj+p2CRMFMh4NpON4RKaQIYNGMTpe/akYBOx6wcZy0saON9l
            eHS3nq77TDT+mA3uDbu+6VD8j8eEcXUInQJAYJkfQEd4fBrAR+nj66etVKwW1gbN
            5shtBy8vEasdOl7XzyY4YuSzaWwSUOFRYOcyChuV9olWWuDUrR1Cx7bdEQJBALzY
            gg7D4UA62oKVUfpUZL+szuJIc+JPmecSwIYWTZymuLpCKGICEx6Mxwdi6yN3dFq9
            gRP9NDiLjY+20DLB9CECQB5IqCvT396rjJn3g6sRXHX5qApJwInofLByafcjGd34
            ejJKh20FmJegJhkImmNTokNbQZbYiLAP07Ykx9A8jLg=
            -----END RSA PRIVATE KEY-----

            """;
    private static final String PKCS1_DATA =
            "Xd9Jij8+hTqM7ii1nnKbKZy7pHhn3BJwxrENwIlvf0iRysVKn7gmAaD6UV4EpNwYOHvLbo6yLWBme6msVAh"
                    + "IV9KOp22jDe9j837C48rcUiF93Jb7+plabbwTQt4iqi1EKxEfVvKi4tLsLBRhu0v583oQAfCf5aLwF3Vb5bPgGeY=";

    private static String render(String template, Map<String, byte[]> values) {
        return new String(Render.ENGINE.render("data[test]", template, values), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> values(Object... keysAndValues) {
        Map<String, byte[]> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            values.put(
                    (String) keysAndValues[i],
                    v instanceof byte[] b ? b : ((String) v).getBytes(StandardCharsets.UTF_8));
        }
        return values;
    }

    @Test
    void rsaOaepSha1WithPkcs8KeyAndBase64Data() {
        assertEquals(
                "a1b2c3d4",
                render(
                        "{{ .private_key | rsaDecrypt \"RSA-OAEP\" \"SHA1\" (.data_crypted_base64 | b64dec) }}",
                        values("private_key", PKCS8_KEY, "data_crypted_base64", PKCS8_DATA)));
    }

    @Test
    void rsaOaepSha256WithPkcs1KeyAndBase64Data() {
        assertEquals(
                "hellopkcs1sha256",
                render(
                        "{{ .private_key | rsaDecrypt \"RSA-OAEP\" \"SHA256\" (.data_crypted_base64 | b64dec) }}",
                        values("private_key", PKCS1_KEY, "data_crypted_base64", PKCS1_DATA)));
    }

    /** ESO's "rsa decrypt rsa-oaep sha256 pkcs1 data bin": ESO's key, the data encrypted at test time, binary. */
    @Test
    void rsaOaepSha256WithPkcs1KeyAndBinaryData() throws Exception {
        String body = PKCS1_KEY.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        RSAPrivateKey pkcs1 = RSAPrivateKey.getInstance(Base64.getDecoder().decode(body));
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(pkcs1.getModulus(), pkcs1.getPublicExponent()));
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(
                Cipher.ENCRYPT_MODE,
                publicKey,
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        byte[] ciphertext = cipher.doFinal("hellopkcs1sha256".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                "hellopkcs1sha256",
                render(
                        "{{ .private_key | rsaDecrypt \"RSA-OAEP\" \"SHA256\" .data_crypted_bin }}",
                        values("private_key", PKCS1_KEY, "data_crypted_bin", ciphertext)));
    }

    @Test
    void rsaOaepSha512WithBinaryDataEncryptedHere() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(
                Cipher.ENCRYPT_MODE,
                pair.getPublic(),
                new OAEPParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, PSource.PSpecified.DEFAULT));
        byte[] ciphertext = cipher.doFinal("hello512".getBytes(StandardCharsets.UTF_8));
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertEquals(
                "hello512",
                render(
                        "{{ .key | rsaDecrypt \"RSA-OAEP\" \"SHA512\" .data }}",
                        values("key", pem, "data", ciphertext)));
        TemplateException wrongHash = assertThrows(
                TemplateException.class,
                () -> render(
                        "{{ .key | rsaDecrypt \"RSA-OAEP\" \"SHA1\" .data }}", values("key", pem, "data", ciphertext)));
        assertEquals("TemplateFunctionError", wrongHash.reason());
        assertFalse(wrongHash.getMessage().contains("hello512"), wrongHash.getMessage());
    }

    @Test
    void rsaSchemeNoneReturnsTheInputAndOtherSchemesFail() {
        assertEquals(
                "plain", render("{{ rsaDecrypt \"None\" \"None\" .data .key }}", values("data", "plain", "key", "k")));
        TemplateException e = assertThrows(
                TemplateException.class,
                () -> render(
                        "{{ rsaDecrypt .scheme \"SHA1\" .data .key }}",
                        values("scheme", "s3cr3t-scheme", "data", "x", "key", "k")));
        assertEquals("TemplateFunctionError", e.reason());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }

    @Test
    void htpasswdWithSha() {
        assertEquals(
                "foo1:{SHA}wtdJD6OIjUniEJkTlewnKzfFxA4=",
                render(
                        "{{ htpasswd .username .password \"sha\" }}",
                        values("username", "foo1", "password", "FZ4jR;l]ON;pHKi=_'zh79P")));
    }

    @Test
    void htpasswdWithBcryptVerifies() {
        String line =
                render("{{ htpasswd .username .password \"bcrypt\" }}", values("username", "u", "password", "pw"));
        assertEquals("u:", line.substring(0, 2));
        assertEquals(
                true,
                org.bouncycastle.crypto.generators.OpenBSDBCrypt.checkPassword(line.substring(2), "pw".toCharArray()));
    }
}
