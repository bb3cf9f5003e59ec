// Times pagmo 2's hypervolume, contributions and non-dominated sorting on the point files given
// on the command line. Each input file: first line "n d", then n lines of d numbers.
// Output, one line per task: "<task> <file> <best seconds> <value>".
#include <pagmo/utils/hypervolume.hpp>
#include <pagmo/utils/multi_objective.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

static std::vector<std::vector<double>> load(const std::string &path) {
    std::ifstream in(path);
    std::size_t n, d;
    in >> n >> d;
    std::vector<std::vector<double>> pts(n, std::vector<double>(d));
    for (auto &p : pts)
        for (auto &v : p) in >> v;
    return pts;
}

template <typename F> static double best_of(F f, int reps) {
    double best = 1e300;
    for (int r = 0; r < reps; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        f();
        auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
    }
    return best;
}

int main(int argc, char **argv) {
    // usage: compare-pagmo <task> <file> <reps> [ref value]
    std::string task = argv[1], file = argv[2];
    int reps = std::stoi(argv[3]);
    auto pts = load(file);
    std::size_t d = pts.empty() ? 0 : pts[0].size();
    double r = argc > 4 ? std::stod(argv[4]) : 1.1;
    std::vector<double> ref(d, r);
    double value = 0;
    double t = 0;
    if (task == "hv") {
        t = best_of([&] { pagmo::hypervolume hv(pts, false); value = hv.compute(ref); }, reps);
    } else if (task == "hvc") {
        t = best_of([&] { pagmo::hypervolume hv(pts, false); auto c = hv.contributions(ref); value = c[0]; }, reps);
    } else if (task == "nds") {
        t = best_of([&] { auto res = pagmo::fast_non_dominated_sorting(pts); value = std::get<0>(res).size(); }, reps);
    }
    std::printf("%s %s %.9g %.17g\n", task.c_str(), file.c_str(), t, value);
    return 0;
}
