//! georef needs no network: the command-line pipeline (reading, tagging,
//! claims, export, gazetteer queries) runs in a network namespace of its
//! own, made by util-linux's `unshare`, with no route and no interface but
//! a loopback that is down, and gives the same output as with the network.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/articles")
}

/// `georef ARGS`, in a namespace without network when `offline`.
fn georef(offline: bool, args: &[&str]) -> Output {
    let exe = env!("CARGO_BIN_EXE_georef");
    let mut command = if offline {
        let mut c = Command::new("unshare");
        c.args(["--map-root-user", "--net", exe]);
        c
    } else {
        Command::new(exe)
    };
    let out = command
        .args(args)
        .output()
        .expect("georef runs (offline: util-linux's unshare is needed)");
    assert!(
        out.status.success(),
        "georef {args:?} (offline: {offline}): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A file of `/proc` as seen in the sandbox.
fn sandboxed_proc(file: &str) -> String {
    let out = Command::new("unshare")
        .args(["--map-root-user", "--net", "cat", file])
        .output()
        .expect("util-linux's unshare is needed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "unshare needs user and network namespaces: {stderr}"
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_sandbox_has_no_route_and_no_interface_but_loopback() {
    let interfaces: Vec<String> = sandboxed_proc("/proc/net/dev")
        .lines()
        .skip(2)
        .filter_map(|l| l.split(':').next())
        .map(|name| name.trim().to_string())
        .collect();
    assert_eq!(interfaces, ["lo"]);
    // No route, not even to the loopback (it is down), and no IPv6 address.
    assert_eq!(sandboxed_proc("/proc/net/route").lines().skip(1).count(), 0);
    assert_eq!(sandboxed_proc("/proc/net/if_inet6"), "");
}

#[test]
fn tag_claims_export_and_lookups_give_the_same_output_without_a_network() {
    let dir = tempfile::tempdir().unwrap();
    let input = articles();
    let input = input.to_str().unwrap();
    let commands: [&[&str]; 6] = [
        &["tag", input],
        &["claims", input],
        &["gazetteer", "lookup", "Kharkov"],
        &["gazetteer", "near", "49.99", "36.23", "--km", "10"],
        &["tag", input, "--format", "geojson", "-o", "OUT"],
        &["export", input, "--mentions", "-o", "OUT"],
    ];
    for (n, args) in commands.iter().enumerate() {
        let mut outputs = Vec::new();
        for offline in [false, true] {
            let out_file = dir.path().join(format!("{n}-{offline}.geojson"));
            let args: Vec<&str> = args
                .iter()
                .map(|&a| if a == "OUT" { out_file.to_str().unwrap() } else { a })
                .collect();
            let out = georef(offline, &args);
            let stderr = String::from_utf8(out.stderr)
                .unwrap()
                .replace(out_file.to_str().unwrap(), "OUT");
            let written = std::fs::read(&out_file).ok();
            assert!(!out.stdout.is_empty() || written.is_some(), "{args:?} printed nothing");
            outputs.push((out.stdout, stderr, written));
        }
        assert!(
            outputs[0] == outputs[1],
            "{args:?}: the output differs without a network"
        );
    }
}
