package io.sluice.template.functions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.io.CipherOutputStream;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;

/**
 * Writes a key and its certificates as go-pkcs12's Modern encoder does for ESO: the certificates (leaf first, then
 * the rest in the order given, whether or not they chain) in one SafeContents encrypted with PBES2 (PBKDF2 with
 * HMAC-SHA-256, 2,048 iterations, AES-256-CBC), the key shrouded the same way, the leaf and the key tied by a
 * localKeyId (the SHA-1 of the leaf), and an HMAC-SHA-256 MAC. Java's KeyStore refuses a chain whose certificates
 * do not issue one another; ESO does not look.
 */
final class Pkcs12Writer {
    private static final int ITERATIONS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ASN1ObjectIdentifier ORACLE_TRUSTED_KEY_USAGE =
            new ASN1ObjectIdentifier("2.16.840.1.113894.746875.1.1");
    private static final ASN1ObjectIdentifier ANY_EXTENDED_KEY_USAGE = new ASN1ObjectIdentifier("2.5.29.37.0");

    private Pkcs12Writer() {}

    static String write(String function, List<X509Certificate> certs, PrivateKey key, String password) {
        try {
            char[] pass = password.toCharArray();
            DEROctetString localKeyId = new DEROctetString(sha1(certs.get(0).getEncoded()));
            PKCS12SafeBag[] certBags = new PKCS12SafeBag[certs.size()];
            for (int i = 0; i < certs.size(); i++) {
                PKCS12SafeBagBuilder bag = new PKCS12SafeBagBuilder(
                        new X509CertificateHolder(certs.get(i).getEncoded()));
                if (i == 0) {
                    bag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                }
                certBags[i] = bag.build();
            }
            PKCS12SafeBagBuilder keyBag =
                    new PKCS12SafeBagBuilder(PrivateKeyInfo.getInstance(key.getEncoded()), encryptor(password));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(encryptor(password), certBags);
            pfx.addData(keyBag.build());
            return sealed(pfx, pass);
        } catch (IOException | PKCSException | CertificateEncodingException | IllegalArgumentException e) {
            throw new FunctionFailure(function, "the keystore cannot be written");
        }
    }

    /**
     * A truststore as go-pkcs12's Modern EncodeTrustStore writes it for ESO's pemTruststoreToPKCS12: one certificate
     * bag per certificate, in the order given, each marked trusted for any purpose (Oracle's trusted-key-usage
     * attribute, which Java's KeyStore reads as a trusted certificate entry) and named by its subject as Go prints
     * it; all bags in one SafeContents encrypted as above; no key; the same MAC.
     */
    static String trustStore(String function, List<X509Certificate> certs, String password) {
        try {
            PKCS12SafeBag[] certBags = new PKCS12SafeBag[certs.size()];
            for (int i = 0; i < certs.size(); i++) {
                PKCS12SafeBagBuilder bag = new PKCS12SafeBagBuilder(
                        new X509CertificateHolder(certs.get(i).getEncoded()));
                bag.addBagAttribute(ORACLE_TRUSTED_KEY_USAGE, ANY_EXTENDED_KEY_USAGE);
                bag.addBagAttribute(
                        PKCSObjectIdentifiers.pkcs_9_at_friendlyName,
                        new DERBMPString(GoDistinguishedName.of(certs.get(i))));
                certBags[i] = bag.build();
            }
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(encryptor(password), certBags);
            return sealed(pfx, password.toCharArray());
        } catch (IOException | PKCSException | CertificateEncodingException | IllegalArgumentException e) {
            throw new FunctionFailure(function, "the truststore cannot be written");
        }
    }

    /** Adds go-pkcs12's Modern MAC (HMAC-SHA-256, 2,048 iterations) and returns the archive base64-encoded. */
    private static String sealed(PKCS12PfxPduBuilder pfx, char[] pass) throws PKCSException, IOException {
        PKCS12PfxPdu pdu = pfx.build(
                new BcPKCS12MacCalculatorBuilder(
                                new SHA256Digest(),
                                new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE))
                        .setIterationCount(ITERATIONS),
                pass);
        return Base64.getEncoder().encodeToString(pdu.getEncoded());
    }

    private static byte[] sha1(byte[] data) {
        SHA1Digest digest = new SHA1Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** PBES2: PBKDF2-HMAC-SHA-256 over the UTF-8 password, AES-256-CBC; a fresh salt and IV each time. */
    private static OutputEncryptor encryptor(String password) {
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(iv);
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password.getBytes(StandardCharsets.UTF_8), salt, ITERATIONS);
        KeyParameter key = (KeyParameter) generator.generateDerivedParameters(256);
        AlgorithmIdentifier prf = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(
                PKCSObjectIdentifiers.id_PBES2,
                new PBES2Parameters(
                        new KeyDerivationFunc(
                                PKCSObjectIdentifiers.id_PBKDF2, new PBKDF2Params(salt, ITERATIONS, 32, prf)),
                        new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv))));
        return new OutputEncryptor() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream(OutputStream out) {
                PaddedBufferedBlockCipher cipher =
                        new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(AESEngine.newInstance()));
                cipher.init(true, new ParametersWithIV(key, iv));
                return new CipherOutputStream(out, cipher);
            }

            @Override
            public GenericKey getKey() {
                return new GenericKey(algorithm, key.getKey());
            }
        };
    }
}
