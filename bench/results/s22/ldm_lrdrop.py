# Continue a cpu model's LDM from its 4000-step checkpoint to STEPS steps at a lower learning rate LR (EMA 0.999), the
# VAE unchanged, in a copy of the model folder (the optimizer's saved lr is overridden after loading; experiment only).
# python ldm_lrdrop.py MODEL_COPY SLICE.png STEPS LR
import sys, torch
from microlad.ldm import load_model, train_ldm, LDMTrainConfig
from microlad.data import read_micrograph
from microlad.pipeline import add_training_stats
torch.set_num_threads(1)
folder, slice_file, steps, lr = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
orig = torch.optim.Optimizer.load_state_dict
def load_then_set_lr(self, sd):
    orig(self, sd)
    for g in self.param_groups: g["lr"] = lr
torch.optim.Optimizer.load_state_dict = load_then_set_lr
m = load_model(folder)
train_ldm(read_micrograph(slice_file), m.vae, tcfg=LDMTrainConfig(steps=steps, lr=lr, ema_decay=0.999), out_dir=folder, progress=False)
add_training_stats(folder, slice_file)
print("done", flush=True)
