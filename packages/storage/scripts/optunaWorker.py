"""One Optuna worker process for the storage benchmark (storageBench.ts): the same study as
sharedStudyWorker.ts (random search, same space and objective), on Optuna's RDBStorage.

    /usr/bin/python3 optunaWorker.py create <sqlalchemy-url> <study>
    /usr/bin/python3 optunaWorker.py run <sqlalchemy-url> <study> <trials>

`run` prints `ready` once the study is loaded, waits for a line on stdin (so that every worker
starts at once), runs its trials and prints `done {"trials": n, "seconds": s}`.
Meant for Debian's python3-optuna (3.1) through /usr/bin/python3.
"""
import json
import math
import sys
import time

import optuna


def objective(trial):
    lr = trial.suggest_float("lr", 1e-4, 1e-1, log=True)
    layers = trial.suggest_int("layers", 1, 8)
    activation = trial.suggest_categorical("activation", ["relu", "gelu"])
    return (math.log10(lr) + 2.5) ** 2 + 0.1 * abs(layers - 4) + (0 if activation == "gelu" else 0.05)


def main():
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    command, url, name = sys.argv[1:4]
    storage = optuna.storages.RDBStorage(url)
    if command == "create":
        optuna.create_study(study_name=name, storage=storage, direction="minimize")
        return
    trials = int(sys.argv[4])
    study = optuna.load_study(study_name=name, storage=storage, sampler=optuna.samplers.RandomSampler())
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.perf_counter()
    study.optimize(objective, n_trials=trials)
    print("done " + json.dumps({"trials": trials, "seconds": time.perf_counter() - started}), flush=True)


if __name__ == "__main__":
    main()
