#!/usr/bin/env python3
# Package cycles in compiled classes (default target/classes), via jdeps: prints each strongly connected set of
# packages with the class edges behind it, then the count. Usage: python3 scripts/dev/package_cycles.py [CLASSES_DIR]
import subprocess, collections, sys, re
out = subprocess.run(['jdeps', '-verbose:class', '-filter:none', '-e', r'dev\.crossbench.*', sys.argv[1] if len(sys.argv)>1 else 'target/classes'], capture_output=True, text=True).stdout
cedges = collections.defaultdict(set)
for l in out.splitlines():
    m = re.match(r'\s+(dev\.crossbench[\w.$]*)\s+->\s+(dev\.crossbench[\w.$]*)', l)
    if m:
        a, b = m.group(1).split('$')[0], m.group(2).split('$')[0]
        pa, pb = a.rsplit('.', 1)[0], b.rsplit('.', 1)[0]
        if pa != pb:
            cedges[(pa, pb)].add((a.rsplit('.',1)[1], b.rsplit('.',1)[1]))
edges = collections.defaultdict(set)
for (a, b) in cedges: edges[a].add(b)
nodes = set(edges) | {b for v in edges.values() for b in v}
idx={};low={};st=[];on=set();res=[];c=[0]
sys.setrecursionlimit(10000)
def sc(v):
    idx[v]=low[v]=c[0];c[0]+=1;st.append(v);on.add(v)
    for w in edges[v]:
        if w not in idx: sc(w); low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],idx[w])
    if low[v]==idx[v]:
        comp=[]
        while True:
            w=st.pop();on.discard(w);comp.append(w)
            if w==v:break
        res.append(comp)
for v in sorted(nodes):
    if v not in idx: sc(v)
n = 0
for comp in res:
    if len(comp) > 1:
        n += 1
        s = lambda p: p.replace('dev.crossbench', 'cb')
        print('CYCLE', sorted(s(p) for p in comp))
        for a in sorted(comp):
            for b in sorted(edges[a]):
                if b in comp:
                    ce = sorted(cedges[(a, b)])
                    print('   %s -> %s: %s' % (s(a), s(b), ', '.join('%s>%s' % x for x in ce[:8]) + (' ...%d' % len(ce) if len(ce) > 8 else '')))
print(n, 'cycles')
