# Reference runs of crossbench's training recipes in plain PyTorch + Hugging Face transformers (not part
# of the product; run on a GPU machine with torch, transformers, tokenizers, safetensors and scipy).
# They tell whether a target is reachable with a recipe before spending CPU hours on it in Java.
#   MODEL_DIR: all-MiniLM-L6-v2 in HF layout (config.json, model.safetensors, tokenizer.json)
#   DATA_DIR:  sts-train/dev/test.csv (STS-B, as in ../shared/data/stsb), corpus.jsonl, queries.jsonl,
#              qrels/train.tsv, qrels/test.tsv (SciFact, as in ../shared/data/scifact)
#   PLAN:      unset = STS-B and SciFact recipes; 2 = SciFact at 128 tokens; 3 = cross-encoder from a
#              fine-tuned bi-encoder body.  SMOKE=1 runs everything on tiny slices first.
# Results are printed as JSON lines and written to $OUT/results.json.
import csv, json, math, os, random, sys, time
import numpy as np
import torch
import torch.nn.functional as F
from scipy.stats import spearmanr, pearsonr
from safetensors.torch import load_file
from tokenizers import Tokenizer
from transformers import BertConfig, BertForSequenceClassification, BertModel

SMOKE = os.environ.get("SMOKE") == "1"
OUT = os.environ.get("OUT", "out")
MODEL_DIR = os.environ.get("MODEL_DIR", "minilm")
DATA_DIR = os.environ.get("DATA_DIR", "data")
DEV = torch.device("cuda")
torch.backends.cuda.matmul.allow_tf32 = True
RESULTS = []


def log(*a):
    print(*a, flush=True)


def record(**kw):
    RESULTS.append(kw)
    log(json.dumps(kw))
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(RESULTS, f, indent=1)


def base_state():
    sd = load_file(os.path.join(MODEL_DIR, "model.safetensors"))
    return {k: v.float() for k, v in sd.items()}


def new_cross(init_sd=None, body=None):
    cfg = BertConfig(**json.load(open(os.path.join(MODEL_DIR, "config.json"))))
    cfg.num_labels = 1
    m = BertForSequenceClassification(cfg)
    if init_sd is None:
        sd = {"bert." + k: v for k, v in (body if body is not None else base_state()).items()}
        missing, unexpected = m.load_state_dict(sd, strict=False)
        assert all(("pooler" in k or "classifier" in k or "position_ids" in k) for k in missing), missing
    else:
        m.load_state_dict(init_sd)
    return m.to(DEV).float()


def tokenizer(max_len):
    t = Tokenizer.from_file(os.path.join(MODEL_DIR, "tokenizer.json"))
    t.enable_truncation(max_length=max_len, strategy="longest_first")
    t.enable_padding(pad_id=0, pad_token="[PAD]")
    return t


def batch_tensors(tok, a, b=None):
    enc = tok.encode_batch(list(zip(a, b)) if b is not None else list(a))
    ids = torch.tensor([e.ids for e in enc], device=DEV)
    tt = torch.tensor([e.type_ids for e in enc], device=DEV)
    am = torch.tensor([e.attention_mask for e in enc], device=DEV)
    return ids, tt, am


def read_sts(name):
    rows = []
    with open(os.path.join(DATA_DIR, name), encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 7:
                continue
            rows.append((p[5], p[6], float(p[4])))
    return rows


@torch.no_grad()
def ce_scores(m, tok, a, b, bs=256):
    m.eval()
    out = []
    for i in range(0, len(a), bs):
        ids, tt, am = batch_tensors(tok, a[i:i + bs], b[i:i + bs])
        out.append(m(input_ids=ids, token_type_ids=tt, attention_mask=am).logits[:, 0].float().cpu())
    return torch.cat(out).numpy()


def optimizer(m, lr, steps, warm_frac=0.1, freeze_words=False, wd=0.01):
    dec, nodec = [], []
    for n, p in m.named_parameters():
        if freeze_words and n.endswith("word_embeddings.weight"):
            p.requires_grad_(False)
            continue
        (nodec if (n.endswith(".bias") or "LayerNorm" in n) else dec).append(p)
    opt = torch.optim.AdamW([{"params": dec, "weight_decay": wd}, {"params": nodec, "weight_decay": 0.0}], lr=lr)
    warm = math.ceil(steps * warm_frac)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (steps - s) / max(1, steps - warm)))
    return opt, sched


def sts_eval(m, tok, rows, both=False):
    a = [r[0] for r in rows]; b = [r[1] for r in rows]; g = [r[2] for r in rows]
    s = ce_scores(m, tok, a, b)
    if both:
        s = (torch.sigmoid(torch.tensor(s)) + torch.sigmoid(torch.tensor(ce_scores(m, tok, b, a)))).numpy()
    return 100 * spearmanr(s, g).correlation


def train_bi(name, lr=2e-5, bs=16, epochs=4, seed=42):
    torch.manual_seed(seed); random.seed(seed)
    tr, dv, te = read_sts("sts-train.csv"), read_sts("sts-dev.csv"), read_sts("sts-test.csv")
    cfg = BertConfig(**json.load(open(os.path.join(MODEL_DIR, "config.json"))))
    bm = BertModel(cfg, add_pooling_layer=False)
    bm.load_state_dict(base_state(), strict=False)
    bm = bm.to(DEV).float()
    tok = tokenizer(128)
    steps = epochs * math.ceil(len(tr) / bs)
    opt, sched = optimizer(bm, lr, steps)
    pairs = list(tr)

    def emb(texts):
        ids, tt, am = batch_tensors(tok, texts)
        h = bm(input_ids=ids, token_type_ids=tt, attention_mask=am).last_hidden_state
        mask = am.unsqueeze(-1).float()
        return (h * mask).sum(1) / mask.sum(1).clamp(min=1e-9)

    def test_sp(rows):
        bm.eval()
        with torch.no_grad():
            a = torch.cat([emb([r[0] for r in rows[i:i + 256]]) for i in range(0, len(rows), 256)])
            b = torch.cat([emb([r[1] for r in rows[i:i + 256]]) for i in range(0, len(rows), 256)])
        return 100 * spearmanr(F.cosine_similarity(a, b).cpu().numpy(), [r[2] for r in rows]).correlation

    hist = []
    for ep in range(1, epochs + 1):
        bm.train()
        random.shuffle(pairs)
        for i in range(0, len(pairs), bs):
            c = pairs[i:i + bs]
            cos = F.cosine_similarity(emb([x[0] for x in c]), emb([x[1] for x in c]))
            loss = F.mse_loss(cos, torch.tensor([x[2] / 5.0 for x in c], device=DEV))
            opt.zero_grad(); loss.backward()
            torch.nn.utils.clip_grad_norm_(bm.parameters(), 1.0)
            opt.step(); sched.step()
        hist.append((ep, round(test_sp(dv), 2), round(test_sp(te), 2)))
    record(part="sts-bi", name=name, epochs=hist)
    return {k: v.detach().clone() for k, v in bm.state_dict().items()}


def train_sts(name, lr=2e-5, bs=16, epochs=4, sym=False, freeze_words=False, seed=42, max_len=128, wd=0.01, body=None):
    torch.manual_seed(seed); random.seed(seed)
    tr, dv, te = read_sts("sts-train.csv"), read_sts("sts-dev.csv"), read_sts("sts-test.csv")
    if SMOKE:
        tr, dv, te, epochs = tr[:64], dv[:64], te[:64], 1
    pairs = list(tr) + ([(b, a, s) for a, b, s in tr] if sym else [])
    tok = tokenizer(max_len)
    m = new_cross(body=body)
    steps = epochs * math.ceil(len(pairs) / bs)
    opt, sched = optimizer(m, lr, steps, freeze_words=freeze_words, wd=wd)
    best, best_sd, hist = -1, None, []
    t0 = time.time()
    for ep in range(1, epochs + 1):
        m.train()
        random.shuffle(pairs)
        for i in range(0, len(pairs), bs):
            chunk = pairs[i:i + bs]
            ids, tt, am = batch_tensors(tok, [c[0] for c in chunk], [c[1] for c in chunk])
            y = torch.tensor([c[2] / 5.0 for c in chunk], device=DEV)
            logit = m(input_ids=ids, token_type_ids=tt, attention_mask=am).logits[:, 0]
            loss = F.binary_cross_entropy_with_logits(logit, y)
            opt.zero_grad(); loss.backward()
            torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0)
            opt.step(); sched.step()
        d = sts_eval(m, tok, dv)
        t = sts_eval(m, tok, te)
        tb = sts_eval(m, tok, te, both=True)
        hist.append((ep, round(d, 2), round(t, 2), round(tb, 2)))
        if d > best:
            best = d
            best_sd = {k: v.detach().clone() for k, v in m.state_dict().items()}
    best_ep = max(hist, key=lambda h: h[1])
    record(part="sts", name=name, lr=lr, bs=bs, sym=sym, freeze_words=freeze_words, seed=seed, wd=wd,
           epochs=hist, best_dev_epoch=best_ep[0], test_at_best=best_ep[2], test_both_orders=best_ep[3],
           secs=round(time.time() - t0, 1))
    return best_sd


# ---------------- SciFact ----------------
def read_jsonl(name):
    with open(os.path.join(DATA_DIR, name), encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def read_qrels(name):
    q = {}
    with open(os.path.join(DATA_DIR, "qrels", name)) as f:
        next(f)
        for line in f:
            a, d, s = line.split("\t")
            if int(s) > 0:
                q.setdefault(a, {})[d] = int(s)
    return q


def ndcg10(ranked, rel):
    dcg = sum(rel.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:10]))
    ideal = sorted(rel.values(), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


@torch.no_grad()
def bi_encode(bm, tok, texts, bs=256):
    bm.eval()
    out = []
    for i in range(0, len(texts), bs):
        ids, tt, am = batch_tensors(tok, texts[i:i + bs])
        h = bm(input_ids=ids, token_type_ids=tt, attention_mask=am).last_hidden_state
        mask = am.unsqueeze(-1).float()
        e = (h * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        out.append(F.normalize(e, dim=-1))
    return torch.cat(out)


class SciFact:
    def __init__(self):
        corpus = read_jsonl("corpus.jsonl")
        self.ids = [c["_id"] for c in corpus]
        self.text = {c["_id"]: (c.get("title", "") + " " + c.get("text", "")) for c in corpus}
        self.queries = {q["_id"]: q["text"] for q in read_jsonl("queries.jsonl")}
        self.train_qrels, self.test_qrels = read_qrels("train.tsv"), read_qrels("test.tsv")
        cfg = BertConfig(**json.load(open(os.path.join(MODEL_DIR, "config.json"))))
        bm = BertModel(cfg, add_pooling_layer=False)
        bm.load_state_dict(base_state(), strict=False)
        bm = bm.to(DEV).float()
        tok = tokenizer(256)
        t0 = time.time()
        docs = bi_encode(bm, tok, [self.text[i] for i in self.ids])
        self.top = {}
        self.bi_score = {}
        for qrels in (self.train_qrels, self.test_qrels):
            qids = [q for q in qrels if q in self.queries]
            qe = bi_encode(bm, tok, [self.queries[q] for q in qids])
            s, idx = (qe @ docs.T).topk(100, dim=1)
            for qi, q in enumerate(qids):
                self.top[q] = [self.ids[j] for j in idx[qi].tolist()]
                self.bi_score[q] = s[qi].tolist()
        bi = np.mean([ndcg10(self.top[q], r) for q, r in self.test_qrels.items()])
        record(part="scifact", name="bi-encoder", test_ndcg10=round(100 * bi, 2), secs=round(time.time() - t0, 1))
        train_q = sorted(self.train_qrels)
        random.Random(7).shuffle(train_q)
        n_dev = max(2, len(train_q) // 10)
        self.dev_q, self.fit_q = train_q[:n_dev], train_q[n_dev:]
        if SMOKE:
            self.fit_q, self.dev_q = self.fit_q[:16], self.dev_q[:8]
            self.test_q = sorted(self.test_qrels)[:8]
        else:
            self.test_q = sorted(self.test_qrels)

    def rerank_scores(self, m, tok, qids, k):
        a, b, owner = [], [], []
        for q in qids:
            for d in self.top[q][:k]:
                a.append(self.queries[q]); b.append(self.text[d]); owner.append(q)
        s = ce_scores(m, tok, a, b, bs=128)
        out, i = {}, 0
        for q in qids:
            n = len(self.top[q][:k])
            out[q] = s[i:i + n]; i += n
        return out

    def evaluate(self, scores, qids, qrels, k, alpha=1.0):
        vals = []
        for q in qids:
            ce = np.asarray(scores[q][:k], dtype=np.float64)
            bi = np.asarray(self.bi_score[q][:k], dtype=np.float64)
            if alpha < 1.0:
                def mm(x):
                    return (x - x.min()) / (x.max() - x.min() + 1e-12)
                ce = alpha * mm(ce) + (1 - alpha) * mm(bi)
            order = np.argsort(-ce, kind="stable")
            ranked = [self.top[q][j] for j in order] + self.top[q][k:]
            vals.append(ndcg10(ranked, qrels[q]))
        return 100 * float(np.mean(vals))

    def groups(self, qids, n_neg, neg_depth, rng):
        out = []
        for q in qids:
            pos = [d for d in self.train_qrels[q]]
            negs = [d for d in self.top[q][:neg_depth] if d not in self.train_qrels[q]]
            for p in pos:
                out.append((q, p, rng.sample(negs, min(n_neg, len(negs)))))
        return out


def train_scifact(sf, name, init=None, loss="list", lr=2e-5, epochs=3, bs_groups=8, n_neg=7, neg_depth=30,
                  max_len=256, seed=42):
    torch.manual_seed(seed)
    rng = random.Random(seed)
    tok = tokenizer(max_len)
    m = new_cross(init)
    if SMOKE:
        epochs = 1
    n_groups = len(sf.groups(sf.fit_q, n_neg, neg_depth, random.Random(0)))
    steps = epochs * math.ceil(n_groups / bs_groups)
    opt, sched = optimizer(m, lr, steps)
    t0 = time.time()
    hist, best, best_sd = [], -1, None
    for ep in range(1, epochs + 1):
        m.train()
        gs = sf.groups(sf.fit_q, n_neg, neg_depth, rng)  # fresh negatives each epoch
        rng.shuffle(gs)
        for i in range(0, len(gs), bs_groups):
            chunk = gs[i:i + bs_groups]
            a, b, y, sizes = [], [], [], []
            for q, p, negs in chunk:
                docs = [p] + negs
                a += [sf.queries[q]] * len(docs); b += [sf.text[d] for d in docs]
                y += [1.0] + [0.0] * len(negs); sizes.append(len(docs))
            ids, tt, am = batch_tensors(tok, a, b)
            logit = m(input_ids=ids, token_type_ids=tt, attention_mask=am).logits[:, 0]
            if loss == "bce":
                lossv = F.binary_cross_entropy_with_logits(logit, torch.tensor(y, device=DEV))
            else:
                parts, j = [], 0
                for n in sizes:
                    parts.append(-F.log_softmax(logit[j:j + n], dim=0)[0]); j += n
                lossv = torch.stack(parts).mean()
            opt.zero_grad(); lossv.backward()
            torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0)
            opt.step(); sched.step()
        dev_scores = sf.rerank_scores(m, tok, sf.dev_q, 30)
        d = sf.evaluate(dev_scores, sf.dev_q, sf.train_qrels, 30)
        hist.append((ep, round(d, 2)))
        if d > best:
            best, best_sd = d, {k: v.detach().clone() for k, v in m.state_dict().items()}
    m.load_state_dict(best_sd)
    dev_bi = sf.evaluate({q: sf.bi_score[q] for q in sf.dev_q}, sf.dev_q, sf.train_qrels, 30)
    dev_scores = sf.rerank_scores(m, tok, sf.dev_q, 100)
    alphas = [1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3]
    dev_alpha = {a: round(sf.evaluate(dev_scores, sf.dev_q, sf.train_qrels, 100, a), 2) for a in alphas}
    test_scores = sf.rerank_scores(m, tok, sf.test_q, 100)
    test = {k: round(sf.evaluate(test_scores, sf.test_q, sf.test_qrels, k), 2) for k in (10, 20, 50, 100)}
    test_alpha = {a: round(sf.evaluate(test_scores, sf.test_q, sf.test_qrels, 100, a), 2) for a in alphas}
    record(part="scifact", name=name, loss=loss, lr=lr, epochs_dev_ndcg=hist, dev_bi=round(dev_bi, 2),
           test_rerank_by_k=test, dev_fusion=dev_alpha, test_fusion_k100=test_alpha, secs=round(time.time() - t0, 1))


def main():
    os.makedirs(OUT, exist_ok=True)
    log(torch.__version__, torch.cuda.get_device_name(0), "SMOKE" if SMOKE else "FULL")
    t_start = time.time()
    budget = float(os.environ.get("BUDGET", "400"))
    if os.environ.get("PLAN") == "3":
        body = train_bi("bi-4ep")
        train_sts("ce-from-bi-sym-lr4e-5", lr=4e-5, sym=True, body=body)
        if time.time() - t_start < budget:
            train_sts("ce-from-bi-lr2e-5", lr=2e-5, body=body)
        return
    if os.environ.get("PLAN") == "2":
        sts_init = train_sts("init-2ep", lr=4e-5, sym=True, bs=32, epochs=2)
        sf = SciFact()
        plan = [
            lambda: train_scifact(sf, "L128-list-3ep-7neg-d30-lr2e-5", init=sts_init, lr=2e-5, epochs=3, max_len=128),
            lambda: train_scifact(sf, "L128-list-3ep-7neg-d50-lr3e-5", init=sts_init, lr=3e-5, epochs=3, neg_depth=50, max_len=128),
            lambda: train_scifact(sf, "L128-list-2ep-15neg-d50-lr3e-5", init=sts_init, lr=3e-5, epochs=2, n_neg=15, neg_depth=50, max_len=128),
            lambda: train_scifact(sf, "L128-list-4ep-7neg-d50-lr3e-5", init=sts_init, lr=3e-5, epochs=4, neg_depth=50, max_len=128),
            lambda: train_scifact(sf, "L128-list-3ep-7neg-d50-lr5e-5", init=sts_init, lr=5e-5, epochs=3, neg_depth=50, max_len=128),
        ]
        for step in plan:
            if time.time() - t_start > budget:
                log("budget reached, stopping")
                break
            step()
        return
    sts_init = train_sts("java-recipe", lr=4e-5, sym=True, freeze_words=True)
    sf = SciFact()
    plan = [
        lambda: train_scifact(sf, "list-from-sts", init=sts_init, loss="list", lr=2e-5, epochs=3),
        lambda: train_sts("java-recipe-train-words", lr=4e-5, sym=True),
        lambda: train_scifact(sf, "bce-from-sts", init=sts_init, loss="bce", lr=2e-5, epochs=2, n_neg=4),
        lambda: train_sts("st-default", lr=2e-5),
        lambda: train_scifact(sf, "list-from-body", loss="list", lr=2e-5, epochs=3),
        lambda: train_sts("lr8e-5-sym", lr=8e-5, sym=True),
        lambda: train_scifact(sf, "list-from-sts-5ep-15neg", init=sts_init, loss="list", lr=3e-5, epochs=5, n_neg=15, neg_depth=50),
        lambda: train_sts("lr4e-5-sym-bs32", lr=4e-5, sym=True, bs=32),
        lambda: train_sts("java-recipe-seed7", lr=4e-5, sym=True, freeze_words=True, seed=7),
        lambda: train_sts("lr4e-5-sym-wd0", lr=4e-5, sym=True, wd=0.0),
    ]
    for step in plan:
        if time.time() - t_start > budget:
            log("budget reached, stopping")
            break
        step()


if __name__ == "__main__":
    main()
