// cwcheck checks Commonweights checkpoints and proofs with Go's golang.org/x/mod/sumdb/note and sumdb/tlog,
// an implementation independent of ours (test/integration/record/go-conformance.test.ts builds and runs it).
//
// Input (stdin), JSON: {"vkey": "...", "notes": ["<signed note>", ...],
//   "inclusion": [{"index", "size", "leafHash", "proof": [hex], "root"}],
//   "consistency": [{"from", "to", "proof": [hex], "fromRoot", "toRoot"}]}
// Output (stdout), JSON: one {"ok": bool, "error": "..."} per note, inclusion proof and consistency proof.
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type inclusion struct {
	Index    int64    `json:"index"`
	Size     int64    `json:"size"`
	LeafHash string   `json:"leafHash"`
	Proof    []string `json:"proof"`
	Root     string   `json:"root"`
}

type consistency struct {
	From     int64    `json:"from"`
	To       int64    `json:"to"`
	Proof    []string `json:"proof"`
	FromRoot string   `json:"fromRoot"`
	ToRoot   string   `json:"toRoot"`
}

type input struct {
	Vkey        string        `json:"vkey"`
	Notes       []string      `json:"notes"`
	Inclusion   []inclusion   `json:"inclusion"`
	Consistency []consistency `json:"consistency"`
}

type verdict struct {
	OK     bool   `json:"ok"`
	Error  string `json:"error,omitempty"`
	Origin string `json:"origin,omitempty"`
	Size   int64  `json:"size,omitempty"`
	Root   string `json:"root,omitempty"`
	Signer string `json:"signer,omitempty"`
}

type output struct {
	Notes       []verdict `json:"notes"`
	Inclusion   []verdict `json:"inclusion"`
	Consistency []verdict `json:"consistency"`
}

func hash(text string) (tlog.Hash, error) {
	var h tlog.Hash
	b, err := hex.DecodeString(text)
	if err != nil || len(b) != len(h) {
		return h, fmt.Errorf("not a 32-byte hex hash: %q", text)
	}
	copy(h[:], b)
	return h, nil
}

func hashes(texts []string) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, 0, len(texts))
	for _, t := range texts {
		h, err := hash(t)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
}

// openCheckpoint verifies the note's signature with note.Open and parses its tlog-checkpoint body.
func openCheckpoint(verifiers note.Verifiers, msg string) verdict {
	n, err := note.Open([]byte(msg), verifiers)
	if err != nil {
		return verdict{Error: err.Error()}
	}
	lines := bytes.SplitN([]byte(n.Text), []byte("\n"), 4)
	if len(lines) < 4 {
		return verdict{Error: "checkpoint body has fewer than three lines"}
	}
	size, err := strconv.ParseInt(string(lines[1]), 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != string(lines[1]) {
		return verdict{Error: "bad tree size line"}
	}
	root, err := base64.StdEncoding.DecodeString(string(lines[2]))
	if err != nil || len(root) != 32 {
		return verdict{Error: "bad root hash line"}
	}
	return verdict{OK: true, Origin: string(lines[0]), Size: size, Root: hex.EncodeToString(root), Signer: n.Sigs[0].Name}
}

func checkInclusion(p inclusion) error {
	proof, err := hashes(p.Proof)
	if err != nil {
		return err
	}
	leaf, err := hash(p.LeafHash)
	if err != nil {
		return err
	}
	root, err := hash(p.Root)
	if err != nil {
		return err
	}
	return tlog.CheckRecord(tlog.RecordProof(proof), p.Size, root, p.Index, leaf)
}

func checkConsistency(p consistency) error {
	proof, err := hashes(p.Proof)
	if err != nil {
		return err
	}
	from, err := hash(p.FromRoot)
	if err != nil {
		return err
	}
	to, err := hash(p.ToRoot)
	if err != nil {
		return err
	}
	return tlog.CheckTree(tlog.TreeProof(proof), p.To, to, p.From, from)
}

func result(err error) verdict {
	if err != nil {
		return verdict{Error: err.Error()}
	}
	return verdict{OK: true}
}

func run() error {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		return fmt.Errorf("reading input: %w", err)
	}
	verifier, err := note.NewVerifier(in.Vkey)
	if err != nil {
		return fmt.Errorf("vkey: %w", err)
	}
	if in.Vkey == "" {
		return errors.New("no vkey")
	}
	verifiers := note.VerifierList(verifier)
	out := output{Notes: []verdict{}, Inclusion: []verdict{}, Consistency: []verdict{}}
	for _, msg := range in.Notes {
		out.Notes = append(out.Notes, openCheckpoint(verifiers, msg))
	}
	for _, p := range in.Inclusion {
		out.Inclusion = append(out.Inclusion, result(checkInclusion(p)))
	}
	for _, p := range in.Consistency {
		out.Consistency = append(out.Consistency, result(checkConsistency(p)))
	}
	return json.NewEncoder(os.Stdout).Encode(out)
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "cwcheck:", err)
		os.Exit(2)
	}
}
