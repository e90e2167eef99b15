package io.sluice.template.functions;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.params.RC2Parameters;

/**
 * The certificate bags of a PKCS#12 archive in the order they are stored, as go-pkcs12's DecodeChain (ESO's
 * pkcs12cert) reads them. Java's KeyStore cannot give this: it rebuilds the key's chain by issuer and drops a
 * certificate that is neither in that chain nor marked trusted. The password has already been checked against the
 * archive's MAC (by loading it as a KeyStore); this only decrypts. Lightweight BouncyCastle primitives, no JCA
 * provider lookups.
 */
final class Pkcs12Bags {
    private Pkcs12Bags() {}

    static List<X509Certificate> certificates(String function, byte[] archive, String password) {
        try {
            Pfx pfx = Pfx.getInstance(archive);
            ASN1OctetString authSafe =
                    ASN1OctetString.getInstance(pfx.getAuthSafe().getContent());
            List<X509Certificate> certs = new ArrayList<>();
            for (ContentInfo info :
                    AuthenticatedSafe.getInstance(authSafe.getOctets()).getContentInfo()) {
                for (SafeBag bag : bags(function, info, password)) {
                    if (bag.getBagId().equals(PKCSObjectIdentifiers.certBag)) {
                        CertBag certBag = CertBag.getInstance(bag.getBagValue());
                        byte[] der = ASN1OctetString.getInstance(certBag.getCertValue())
                                .getOctets();
                        certs.add(KeyReader.certificate(function, der));
                    }
                }
            }
            return certs;
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new FunctionFailure(function, "the PKCS#12 structure cannot be read");
        }
    }

    private static List<SafeBag> bags(String function, ContentInfo info, String password) {
        byte[] safeContents;
        if (info.getContentType().equals(PKCSObjectIdentifiers.data)) {
            safeContents = ASN1OctetString.getInstance(info.getContent()).getOctets();
        } else if (info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
            EncryptedData encrypted = EncryptedData.getInstance(info.getContent());
            safeContents = decrypt(function, encrypted, password);
        } else {
            throw new FunctionFailure(function, "only data and encryptedData safe contents are supported");
        }
        List<SafeBag> bags = new ArrayList<>();
        for (var element : ASN1Sequence.getInstance(safeContents)) {
            bags.add(SafeBag.getInstance(element));
        }
        return bags;
    }

    private static byte[] decrypt(String function, EncryptedData encrypted, String password) {
        ASN1ObjectIdentifier algorithm = encrypted.getEncryptionAlgorithm().getAlgorithm();
        byte[] content = encrypted.getContent().getOctets();
        if (algorithm.equals(PKCSObjectIdentifiers.id_PBES2)) {
            return run(
                    function,
                    pbes2(
                            function,
                            PBES2Parameters.getInstance(
                                    encrypted.getEncryptionAlgorithm().getParameters()),
                            password),
                    content);
        }
        PKCS12PBEParams params =
                PKCS12PBEParams.getInstance(encrypted.getEncryptionAlgorithm().getParameters());
        try {
            return sequence(
                    function,
                    run(
                            function,
                            pkcs12Pbe(function, algorithm, params, Passwords.bmpZeroTerminated(password)),
                            content));
        } catch (FunctionFailure wrongPassword) {
            if (!password.isEmpty()) {
                throw wrongPassword;
            }
            // some writers derive the key of an empty password from no bytes at all; go-pkcs12 retries the same way
            return run(function, pkcs12Pbe(function, algorithm, params, new byte[0]), content);
        }
    }

    /** A wrong key can still end in valid padding; only a DER sequence proves the decryption. */
    private static byte[] sequence(String function, byte[] decrypted) {
        try {
            ASN1Sequence.getInstance(decrypted);
            return decrypted;
        } catch (IllegalArgumentException notDer) {
            throw new FunctionFailure(function, "the certificates cannot be decrypted with this password");
        }
    }

    private record Decryption(BlockCipher engine, CipherParameters parameters) {}

    private static byte[] run(String function, Decryption decryption, byte[] content) {
        PaddedBufferedBlockCipher cipher =
                new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(decryption.engine()));
        cipher.init(false, decryption.parameters());
        byte[] out = new byte[cipher.getOutputSize(content.length)];
        try {
            int length = cipher.processBytes(content, 0, content.length, out, 0);
            length += cipher.doFinal(out, length);
            byte[] plain = new byte[length];
            System.arraycopy(out, 0, plain, 0, length);
            return plain;
        } catch (InvalidCipherTextException e) {
            throw new FunctionFailure(function, "the certificates cannot be decrypted with this password");
        }
    }

    private static Decryption pbes2(String function, PBES2Parameters params, String password) {
        PBKDF2Params kdf =
                PBKDF2Params.getInstance(params.getKeyDerivationFunc().getParameters());
        ASN1ObjectIdentifier scheme = params.getEncryptionScheme().getAlgorithm();
        int keyBits;
        if (scheme.equals(NISTObjectIdentifiers.id_aes128_CBC)) {
            keyBits = 128;
        } else if (scheme.equals(NISTObjectIdentifiers.id_aes192_CBC)) {
            keyBits = 192;
        } else if (scheme.equals(NISTObjectIdentifiers.id_aes256_CBC)) {
            keyBits = 256;
        } else {
            throw new FunctionFailure(function, "unsupported PBES2 encryption (AES-CBC is supported)");
        }
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(prf(function, kdf));
        generator.init(
                password.getBytes(StandardCharsets.UTF_8),
                kdf.getSalt(),
                kdf.getIterationCount().intValueExact());
        KeyParameter key = (KeyParameter) generator.generateDerivedParameters(keyBits);
        byte[] iv = ASN1OctetString.getInstance(params.getEncryptionScheme().getParameters())
                .getOctets();
        return new Decryption(AESEngine.newInstance(), new ParametersWithIV(key, iv));
    }

    private static Digest prf(String function, PBKDF2Params kdf) {
        if (kdf.isDefaultPrf()) {
            return new SHA1Digest();
        }
        ASN1ObjectIdentifier prf = kdf.getPrf().getAlgorithm();
        if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA256)) {
            return new SHA256Digest();
        } else if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA384)) {
            return new SHA384Digest();
        } else if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA512)) {
            return new SHA512Digest();
        } else if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA1)) {
            return new SHA1Digest();
        }
        throw new FunctionFailure(function, "unsupported PBKDF2 pseudo-random function");
    }

    private static Decryption pkcs12Pbe(
            String function, ASN1ObjectIdentifier algorithm, PKCS12PBEParams params, byte[] password) {
        PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(new SHA1Digest());
        generator.init(password, params.getIV(), params.getIterations().intValueExact());
        if (algorithm.equals(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)) {
            return new Decryption(new DESedeEngine(), generator.generateDerivedParameters(192, 64));
        } else if (algorithm.equals(PKCSObjectIdentifiers.pbeWithSHAAnd2_KeyTripleDES_CBC)) {
            return new Decryption(new DESedeEngine(), generator.generateDerivedParameters(128, 64));
        }
        int rc2Bits;
        if (algorithm.equals(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC)) {
            rc2Bits = 40;
        } else if (algorithm.equals(PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC2_CBC)) {
            rc2Bits = 128;
        } else {
            throw new FunctionFailure(function, "unsupported PKCS#12 encryption (3DES, RC2 and PBES2 with AES are)");
        }
        ParametersWithIV derived = (ParametersWithIV) generator.generateDerivedParameters(rc2Bits, 64);
        byte[] key = ((KeyParameter) derived.getParameters()).getKey();
        return new Decryption(new RC2Engine(), new ParametersWithIV(new RC2Parameters(key, rc2Bits), derived.getIV()));
    }
}
