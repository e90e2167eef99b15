package io.sluice.template.functions;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/** Orders certificates from the leaf up to the root and tells leaves, intermediates and roots apart. */
final class CertChain {
    private CertChain() {
    }

    /** Leaf first; fails when the set holds several leaves or certificates outside one chain. */
    static List<X509Certificate> order(String function, List<X509Certificate> certs) {
        List<X509Certificate> leaves = certs.stream()
                .filter(candidate -> certs.stream().noneMatch(other -> other != candidate && issued(candidate, other)))
                .toList();
        if (leaves.size() != 1) {
            throw new FunctionFailure(function, "the certificates do not form one chain (found "
                    + leaves.size() + " leaf certificates)");
        }
        List<X509Certificate> ordered = new ArrayList<>(List.of(leaves.get(0)));
        List<X509Certificate> remaining = new ArrayList<>(certs);
        remaining.remove(leaves.get(0));
        X509Certificate current = leaves.get(0);
        while (!remaining.isEmpty() && !selfIssued(current)) {
            X509Certificate child = current;
            Optional<X509Certificate> issuer = remaining.stream().filter(c -> issued(c, child)).findFirst();
            if (issuer.isEmpty()) {
                break;
            }
            current = issuer.get();
            remaining.remove(current);
            ordered.add(current);
        }
        if (!remaining.isEmpty()) {
            throw new FunctionFailure(function, "the certificates do not form one chain ("
                    + remaining.size() + " certificate(s) outside it)");
        }
        return ordered;
    }

    /** Go's rule in ESO: no authority key id, or one equal to the subject key id. */
    static boolean isRoot(X509Certificate cert) {
        byte[] authority = authorityKeyId(cert);
        return authority == null || Arrays.equals(authority, subjectKeyId(cert));
    }

    static String pem(String function, List<X509Certificate> certs) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate cert : certs) {
            out.append(pem(function, cert));
        }
        return out.toString();
    }

    static String pem(String function, X509Certificate cert) {
        try {
            return Pem.encode("CERTIFICATE", cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new FunctionFailure(function, "a certificate cannot be encoded");
        }
    }

    private static boolean issued(X509Certificate issuer, X509Certificate child) {
        if (!child.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        byte[] authority = authorityKeyId(child);
        byte[] subject = subjectKeyId(issuer);
        return authority == null || subject == null || Arrays.equals(authority, subject);
    }

    private static boolean selfIssued(X509Certificate cert) {
        return cert.getIssuerX500Principal().equals(cert.getSubjectX500Principal());
    }

    private static byte[] authorityKeyId(X509Certificate cert) {
        byte[] value = extension(cert, Extension.authorityKeyIdentifier.getId());
        return value == null ? null : AuthorityKeyIdentifier.getInstance(value).getKeyIdentifier();
    }

    private static byte[] subjectKeyId(X509Certificate cert) {
        byte[] value = extension(cert, Extension.subjectKeyIdentifier.getId());
        return value == null ? null : SubjectKeyIdentifier.getInstance(value).getKeyIdentifier();
    }

    private static byte[] extension(X509Certificate cert, String oid) {
        byte[] wrapped = cert.getExtensionValue(oid);
        return wrapped == null ? null : ASN1OctetString.getInstance(wrapped).getOctets();
    }
}
