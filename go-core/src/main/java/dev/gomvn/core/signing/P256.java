package dev.gomvn.core.signing;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * NIST P-256 (secp256r1), the curve cosign's keys are on, and the one computation the JDK offers no API for: the
 * public point of a private key, so that a key file holding only the private scalar still yields the public key to
 * give verifiers. It runs once per build on the build machine, where nothing can time it, so it is the plain
 * double-and-add of the textbook rather than a constant-time ladder.
 */
final class P256 {
    static final ECParameterSpec PARAMETERS = parameters();
    private static final BigInteger P = ((ECFieldFp) PARAMETERS.getCurve().getField()).getP();
    private static final BigInteger A = PARAMETERS.getCurve().getA();

    private P256() {}

    /** Whether the key is on P-256: the curve and base point, as the JDK's named-curve parameters have them. */
    static boolean isCurveOf(ECKey key) {
        ECParameterSpec params = key.getParams();
        return params.getCurve().equals(PARAMETERS.getCurve())
                && params.getGenerator().equals(PARAMETERS.getGenerator())
                && params.getOrder().equals(PARAMETERS.getOrder());
    }

    /** {@code d·G}: the public point of the private scalar {@code d}. */
    static ECPoint publicPoint(BigInteger d) {
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = PARAMETERS.getGenerator();
        for (int bit = 0; bit < d.bitLength(); bit++) {
            if (d.testBit(bit)) {
                result = add(result, addend);
            }
            addend = add(addend, addend);
        }
        return result;
    }

    private static ECPoint add(ECPoint p, ECPoint q) {
        if (p.equals(ECPoint.POINT_INFINITY)) {
            return q;
        }
        if (q.equals(ECPoint.POINT_INFINITY)) {
            return p;
        }
        BigInteger slope;
        if (p.getAffineX().equals(q.getAffineX())) {
            if (!p.getAffineY().equals(q.getAffineY()) || p.getAffineY().signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            BigInteger x = p.getAffineX();
            slope = x.pow(2)
                    .multiply(BigInteger.valueOf(3))
                    .add(A)
                    .multiply(p.getAffineY().shiftLeft(1).modInverse(P));
        } else {
            slope = q.getAffineY()
                    .subtract(p.getAffineY())
                    .multiply(q.getAffineX().subtract(p.getAffineX()).modInverse(P));
        }
        slope = slope.mod(P);
        BigInteger x =
                slope.pow(2).subtract(p.getAffineX()).subtract(q.getAffineX()).mod(P);
        BigInteger y = slope.multiply(p.getAffineX().subtract(x))
                .subtract(p.getAffineY())
                .mod(P);
        return new ECPoint(x, y);
    }

    private static ECParameterSpec parameters() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no secp256r1, which every Java SE 17 has", e);
        }
    }
}
