package main

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestIcons_CommittedFilesAreDrawn decodes each committed icon and compares
// its pixels with what Draw makes now (not the bytes: a Go release may
// compress differently). After changing the design, run
// go run ./internal/cmd/genicons from the repository root.
func TestIcons_CommittedFilesAreDrawn(t *testing.T) {
	for _, ic := range Icons {
		b, err := os.ReadFile(filepath.Join("..", "..", "..", dir, ic.Name))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", ic.Name, err)
		}
		got := image.NewNRGBA(img.Bounds())
		draw.Draw(got, got.Bounds(), img, image.Point{}, draw.Src)
		want := Draw(ic)
		if got.Bounds() != want.Bounds() || !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("%s is not what genicons draws: run go run ./internal/cmd/genicons", ic.Name)
		}
	}
}

// TestDraw_Shape checks the design where a mistake would show: transparent
// corners on the rounded icons, none on the maskable one, a white stroke
// through the middle of the first x, and the maskable glyphs inside the
// safe zone, a centred circle of 40% of the size in radius.
func TestDraw_Shape(t *testing.T) {
	round := Draw(Icons[1])
	if round.NRGBAAt(0, 0).A != 0 || round.NRGBAAt(256, 256).A != 255 {
		t.Error("the rounded icon's corner is not transparent, or its middle is")
	}
	mask := Draw(Icons[2])
	if mask.NRGBAAt(0, 0) != background {
		t.Errorf("the maskable icon's corner is %v, want the background", mask.NRGBAAt(0, 0))
	}
	for y := 0; y < 512; y++ {
		for x := 0; x < 512; x++ {
			if c := mask.NRGBAAt(x, y); c != background {
				dx, dy := x-256, y-256
				if dx*dx+dy*dy > 205*205 {
					t.Fatalf("maskable icon: glyph pixel (%d,%d) outside the safe zone", x, y)
				}
			}
		}
	}
	white := 0
	for _, s := range layout(1, 1) {
		mx, my := int((s.a.x+s.b.x)/2)*2, int((s.a.y+s.b.y)/2)*2
		if round.NRGBAAt(mx, my) == foreground {
			white++
		}
	}
	if white != len(glyphs) {
		t.Errorf("%d of %d strokes are white at their midpoint", white, len(glyphs))
	}
}
