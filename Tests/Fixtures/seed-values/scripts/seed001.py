import os
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../../../.."))  # the repository
import math, re
from decimal import Decimal

def sig(z): return 1.0/(1.0+math.exp(-z))

x1, x2, y = 0.05, 0.10, 0.01
w1, w2, w3, w4, w5, w6 = 0.15, 0.20, 0.25, 0.30, 0.40, 0.45
b1, b2 = 0.35, 0.60
LR = 0.0001

# forward
z_h1 = x1*w1 + x2*w2 + b1
z_h2 = x1*w3 + x2*w4 + b1
a_h1 = sig(z_h1); a_h2 = sig(z_h2)
z_out = a_h1*w5 + a_h2*w6 + b2
yhat = sig(z_out)
L = 0.5*(y - yhat)**2

# hand-derived derivatives
dL_dyhat = yhat - y
dyhat_dzout = yhat*(1-yhat)
dzout_dw5 = a_h1; dzout_dw6 = a_h2
dzout_dah1 = w5; dzout_dah2 = w6
dah1_dzh1 = a_h1*(1-a_h1); dah2_dzh2 = a_h2*(1-a_h2)
dzh1_dw1 = x1; dzh1_dw2 = x2; dzh2_dw3 = x1; dzh2_dw4 = x2
dzh1_db1 = 1.0; dzh2_db1 = 1.0; dzout_db2 = 1.0
dL_dzout = dL_dyhat*dyhat_dzout
dL_dw5 = dL_dzout*dzout_dw5
dL_dw6 = dL_dzout*dzout_dw6
dL_dzh1 = dL_dzout*dzout_dah1*dah1_dzh1
dL_dzh2 = dL_dzout*dzout_dah2*dah2_dzh2
dL_dw1 = dL_dzh1*dzh1_dw1; dL_dw2 = dL_dzh1*dzh1_dw2
dL_dw3 = dL_dzh2*dzh2_dw3; dL_dw4 = dL_dzh2*dzh2_dw4
dL_db2 = dL_dzout*dzout_db2
dL_db1 = dL_dzh1*dzh1_db1 + dL_dzh2*dzh2_db1
w5n = w5 - LR*dL_dw5
w6n = w6 - LR*dL_dw6

# sanity: numeric derivative check of dL/dp
def loss(p):
    zh1 = p['x1']*p['w1'] + p['x2']*p['w2'] + p['b1']
    zh2 = p['x1']*p['w3'] + p['x2']*p['w4'] + p['b1']
    zo = sig(zh1)*p['w5'] + sig(zh2)*p['w6'] + p['b2']
    return 0.5*(p['y'] - sig(zo))**2
P = dict(x1=x1,x2=x2,y=y,w1=w1,w2=w2,w3=w3,w4=w4,w5=w5,w6=w6,b1=b1,b2=b2)
an = dict(w1=dL_dw1,w2=dL_dw2,w3=dL_dw3,w4=dL_dw4,w5=dL_dw5,w6=dL_dw6,b1=dL_db1,b2=dL_db2)
for k,v in an.items():
    h=1e-6; a=dict(P); b=dict(P); a[k]+=h; b[k]-=h
    num=(loss(a)-loss(b))/(2*h)
    assert abs(num-v) < 1e-8*max(1,abs(v)) + 1e-11, (k,num,v)

exact = {
 'z_h1': z_h1, 'z_h2': z_h2, 'a_h1': a_h1, 'a_h2': a_h2, 'z_out': z_out,
 'yhat': yhat, 'L': L,
 'dyhat/dz_out': dyhat_dzout, 'dL/dyhat': dL_dyhat, 'dz_out/dw5': dzout_dw5,
 'dL/dw5': dL_dw5, 'LR * dL/dw5': LR*dL_dw5, "w5'": w5n,
 'dz_out/dw6': dzout_dw6, 'dL/dw6': dL_dw6, "w6'": w6n,
 'dz_out/da_h1': dzout_dah1, 'da_h1/dz_h1': dah1_dzh1, 'dz_h1/dw1': dzh1_dw1,
 'dL/dyhat * dyhat/dz_out': dL_dyhat*dyhat_dzout,
 'dL/dyhat * dyhat/dz_out * dz_out/da_h1': dL_dyhat*dyhat_dzout*dzout_dah1,
 'dL/dz_h1': dL_dzh1, 'dL/dw1': dL_dw1, 'dz_h1/dw2': dzh1_dw2, 'dL/dw2': dL_dw2,
 'da_h2/dz_h2': dah2_dzh2, 'dz_out/da_h2': dzout_dah2, 'dz_h2/dw4': dzh2_dw4,
 'dL/dw4': dL_dw4, 'dz_h2/dw3': dzh2_dw3, 'dL/dw3': dL_dw3,
 'dz_out/db2': dzout_db2, 'dL/db2': dL_db2, 'dz_h1/db1': dzh1_db1,
 'dL/dz_h1 * dz_h1/db1': dL_dzh1*dzh1_db1, 'dL/dz_h2 * dz_h2/db1': dL_dzh2*dzh2_db1,
 'dL/db1': dL_db1,
}

# the doc values as I read them from the seed, in document order
expected = [
 ('z_h1','0.3775'),('z_h2','0.3925'),('a_h1','0.5933'),('a_h2','0.5969'),('z_out','1.1059'),
 ('yhat','0.7514'),('yhat','0.7514'),('L','0.2748'),
 ('dyhat/dz_out','0.1868'),('dL/dyhat','0.7414'),('dz_out/dw5','0.5933'),('dL/dw5','0.0822'),
 ('LR * dL/dw5','0.00000000'),("w5'",'0.399927'),('dz_out/dw6','0.5969'),('dL/dw6','0.0827'),
 ("w6'",'0.4499'),
 ('dz_out/da_h1','0.40'),('da_h1/dz_h1','0.2413'),('dz_h1/dw1','0.05'),
 ('dL/dyhat * dyhat/dz_out','0.1385'),('dL/dyhat * dyhat/dz_out * dz_out/da_h1','0.0554'),
 ('dL/dz_h1','0.0134'),('dL/dw1','0.00067'),
 ('dz_h1/dw2','0.10'),('dL/dyhat * dyhat/dz_out','0.1385'),
 ('dL/dyhat * dyhat/dz_out * dz_out/da_h1','0.0554'),('dL/dz_h1','0.0134'),
 ('dL/dw2','0.00135'),('dL/dw2','0.00135'),
 ('da_h2/dz_h2','0.2407'),('dz_out/da_h2','0.45'),('dz_h2/dw4','0.10'),('dL/dw4','-0.00150'),
 ('dz_h2/dw3','0.05'),('dL/dw3','.00075'),
 ('dL/dw1','0.00067'),('dL/dw2','0.00135'),('dL/dw3','0.00075'),('dL/dw4','.00150'),
 ('dL/dw5','0.0822'),('dL/dw6','0.0827'),
 ('dz_out/db2','1'),('dL/db2','0.1385'),('dz_h1/db1','1'),
 ('dL/dz_h1 * dz_h1/db1','0.0134'),('dL/dz_h2 * dz_h2/db1','0.0150'),('dL/db1','0.0284'),
]

# line numbers only: match my list against the doc lines of the example file, in order
lines = open(ROOT + '/Examples/shared-bias.txt').read().split('\n')
docs = []
for i, ln in enumerate(lines, 1):
    s = ln.split('#',1)[0].strip()
    if s.startswith('doc '):
        e, p = s[4:].rsplit(' = ',1)
        docs.append((i, e.strip(), p.strip()))
assert [(e,p) for _,e,p in docs] == expected, "file doc lines differ from my list"

def unit(s):
    m = re.fullmatch(r'([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?', s)
    d = len(m.group(3) or '')
    ex = int(m.group(4) or 0)
    return 10.0**(-(d - ex))

out = ['line\texpression\tprinted\texact\tverdict']
ndiff = 0
for i, e, p in docs:
    v = exact[e]
    tol = 0.5*unit(p)
    ok = abs(float(p) - v) <= tol*(1+1e-9) + 1e-9*abs(v)
    ndiff += not ok
    out.append(f'{i}\t{e}\t{p}\t{v!r}\t{"agree" if ok else "differ"}')
    print(f'{i:4} {e:45} {p:>12} {v!r:>24} {"agree" if ok else "DIFFER"}  margin={abs(float(p)-v)/tol:.3f}')
open(ROOT + '/Tests/Fixtures/seed-values/shared-bias.tsv','w').write('\n'.join(out)+'\n')
print(len(docs), 'doc lines,', ndiff, 'differ')
