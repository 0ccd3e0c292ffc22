import os
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../../../.."))  # the repository
import math, re, sys

# The five classic examples (cs231n-circuit, cs231n-neuron, tanh-neuron, bce-neuron,
# softmax-ce), each evaluated directly: forward pass, hand-derived derivatives, one update.

def sig(z): return 1.0/(1.0+math.exp(-z))

# ---------- cs231n-circuit: f = (x + y) z at (-2, 5, -4) ----------
def circuit():
    x, y, z = -2.0, 5.0, -4.0
    q = x + y; f = q*z
    dfdq, dfdz = z, q              # d(q z)/dq = z, d(q z)/dz = q
    dqdx = dqdy = 1.0
    return {
        "q": q, "f": f, "df/dz": dfdz, "df/dq": dfdq, "dq/dx": dqdx, "dq/dy": dqdy,
        "df/dx": dfdq*dqdx, "df/dy": dfdq*dqdy, "df/df": 1.0,
        "dq/dx * df/dq": dqdx*dfdq, "dq/dy * df/dq": dqdy*dfdq,
    }

# ---------- cs231n-neuron: f = 1/(1 + exp(-(w0 x0 + w1 x1 + w2))) ----------
def neuron():
    w0, x0, w1, x1, w2 = 2.0, -1.0, -3.0, -2.0, -3.0
    dot = w0*x0 + w1*x1 + w2
    f = 1.0/(1.0 + math.exp(-dot))
    ddot = f*(1 - f)               # sigma' = sigma (1 - sigma)
    den = 1 + math.exp(-dot)
    dden = -1.0/den**2             # d(1/u)/du = -1/u^2
    return {
        "w0x0": w0*x0, "w1x1": w1*x1, "s": w0*x0 + w1*x1, "dot": dot, "neg": -dot,
        "e": math.exp(-dot), "den": den, "f": f,
        "df/df": 1.0, "df/dden": dden, "df/de": dden, "df/dneg": dden*math.exp(-dot),
        "df/ddot": ddot, "df/ds": ddot, "df/dw2": ddot, "df/dw0x0": ddot, "df/dw1x1": ddot,
        "df/dw0": x0*ddot, "df/dx0": w0*ddot, "df/dw1": x1*ddot, "df/dx1": w1*ddot,
        "(1 - f) * f": (1 - f)*f,
    }

# ---------- tanh-neuron: micrograd's neuron, then L = (o - y)^2, rate 0.1 ----------
def tanh_neuron():
    x1, x2, y, lr = 2.0, 0.0, 1.0, 0.1
    def fwd(w1, w2, b):
        n = x1*w1 + x2*w2 + b; o = math.tanh(n)
        return n, o, (o - y)**2
    w1, w2, b = -3.0, 1.0, 6.8813735870195432
    n, o, L = fwd(w1, w2, b)
    don = 1 - o*o                  # tanh' = 1 - tanh^2
    dLdo = 2*(o - y)
    dLdn = dLdo*don
    w1n, w2n, bn = w1 - lr*dLdn*x1, w2 - lr*dLdn*x2, b - lr*dLdn
    n2, o2, L2 = fwd(w1n, w2n, bn)
    return {
        "b": b, "x1w1": x1*w1, "x2w2": x2*w2, "x1w1x2w2": x1*w1 + x2*w2, "n": n, "o": o,
        "do/do": 1.0, "do/dn": don, "do/dx1w1x2w2": don, "do/db": don, "do/dx1w1": don,
        "do/dx2w2": don, "do/dx1": don*w1, "do/dw1": don*x1, "do/dx2": don*w2, "do/dw2": don*x2,
        "L": L, "dL/do": dLdo, "dL/dn": dLdn, "dL/dw1": dLdn*x1, "dL/dw2": dLdn*x2, "dL/db": dLdn,
        "w1'": w1n, "w2'": w2n, "b'": bn, "n'": n2, "o'": o2, "L'": L2, "L - L'": L - L2,
    }

# ---------- bce-neuron: Jurafsky & Martin's example, L = -(y ln p + (1-y) ln(1-p)) ----------
def bce():
    x1, x2, y, eta = 3.0, 2.0, 1.0, 0.1
    def fwd(w1, w2, b):
        z = w1*x1 + w2*x2 + b; p = sig(z)
        return z, p, -(y*math.log(p) + (1 - y)*math.log(1 - p))
    w1 = w2 = b = 0.0
    z, p, L = fwd(w1, w2, b)
    dLdp = -y/p + (1 - y)/(1 - p)
    dLdz = p - y                   # the sigmoid and the log cancel
    w1n, w2n, bn = w1 - eta*dLdz*x1, w2 - eta*dLdz*x2, b - eta*dLdz
    z2, p2, L2 = fwd(w1n, w2n, bn)
    return {
        "z": z, "yhat - y": p - y, "dL/db": dLdz, "dL/dw1": dLdz*x1, "dL/dw2": dLdz*x2,
        "w1'": w1n, "w2'": w2n, "b'": bn, "yhat": p, "L": L, "dL/dyhat": dLdp, "dL/dz": dLdz,
        "z'": z2, "yhat'": p2, "L'": L2, "L - L'": L - L2,
    }

# ---------- softmax-ce: scores (1, -2, 0), class 3 correct, rate 1 ----------
def softmax():
    y, eta = (0.0, 0.0, 1.0), 1.0
    def fwd(z):
        e = [math.exp(v) for v in z]; S = sum(e); p = [v/S for v in e]
        return e, S, p, -sum(yi*math.log(pi) for yi, pi in zip(y, p))
    z = (1.0, -2.0, 0.0)
    e, S, p, L = fwd(z)
    g = [pi - yi for pi, yi in zip(p, y)]   # dL/dz_i = p_i - y_i
    zn = [zi - eta*gi for zi, gi in zip(z, g)]
    _, _, pn, Ln = fwd(zn)
    eh, _, ph, _ = fwd((0.5, -1.0, 0.0))
    vals = {"S": S, "L": L, "dL/dp3": -y[2]/p[2], "L'": Ln, "L - L'": L - Ln}
    for i in range(3):
        k = str(i + 1)
        vals.update({
            "e" + k: e[i], "p" + k: p[i], f"dL/dz{k}": g[i], f"p{k} - y{k}": p[i] - y[i],
            f"z{k}'": zn[i], f"p{k}'": pn[i],
            f"e{k}[z1 = 0.5, z2 = -1]": eh[i], f"p{k}[z1 = 0.5, z2 = -1]": ph[i],
        })
    return vals

def decimals(s):
    s = s.strip().lstrip('+-')
    m = re.match(r'^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$', s)
    assert m, s
    d = len(m.group(2) or '')
    if m.group(3): d -= int(m.group(3))
    return d

def verdict(printed, exact):
    p = float(printed); tol = 0.5*10.0**(-decimals(printed))
    slack = 1e-9*max(abs(p), abs(exact), tol)
    return 'agree' if abs(p-exact) <= tol + slack else 'differ'

# Only line numbers / keys / printed strings are taken from the example file;
# the exact values come from the functions above.
def fixture(name, vals):
    rows = ["line\texpression\tprinted\texact\tverdict"]
    nd = 0
    with open(f"{ROOT}/Examples/{name}.txt") as fh:
        for i, line in enumerate(fh, 1):
            if not line.startswith("doc "): continue
            body = line[4:].split('#')[0].strip()
            expr, printed = body.rsplit(' = ', 1)
            expr = expr.strip(); printed = printed.strip()
            ex = vals[expr]
            v = verdict(printed, ex); nd += v == 'differ'
            rows.append(f"{i}\t{expr}\t{printed}\t{ex!r}\t{v}")
    with open(f"{ROOT}/Tests/Fixtures/seed-values/{name}.tsv", "w") as out:
        out.write("\n".join(rows) + "\n")
    print(name, len(rows)-1, "doc lines,", nd, "differ")

EXAMPLES = [("cs231n-circuit", circuit), ("cs231n-neuron", neuron), ("tanh-neuron", tanh_neuron),
            ("bce-neuron", bce), ("softmax-ce", softmax)]

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == 'show':
        for name, f in EXAMPLES:
            for k, v in f().items(): print(name, k, repr(v))
    else:
        for name, f in EXAMPLES: fixture(name, f())
