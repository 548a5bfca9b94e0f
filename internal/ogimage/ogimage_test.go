package ogimage

import (
	"bytes"
	"image/png"
	"os"
	"testing"
)

// TestOGImage_IsUpToDate checks that the committed image is what PNG draws,
// and that drawing it twice gives the same bytes.
func TestOGImage_IsUpToDate(t *testing.T) {
	a, err := PNG()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := PNG()
	if !bytes.Equal(a, b) {
		t.Fatal("two draws differ")
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if r := img.Bounds(); r.Dx() != Width || r.Dy() != Height {
		t.Errorf("size %v", r)
	}
	got, err := os.ReadFile("../../templates/assets/og.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, a) {
		t.Error("templates/assets/og.png is stale: run go run ./internal/cmd/genogimage")
	}
}
