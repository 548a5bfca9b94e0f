// Command genicons draws the PNG icons of the web app manifest into
// templates/assets: the favicon's design (white "4xx" on the site's blue),
// at 192 and 512 pixels with rounded corners, and at 512 pixels full-bleed
// with the glyphs inside the safe zone of a maskable icon.
//
// Run it from the repository root after changing the design:
//
//	go run ./internal/cmd/genicons
//
// The drawing uses integer arithmetic only, so every machine draws the same
// pixels; the test in this directory fails when the committed files differ
// from what it draws.
package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
)

// Icon is one file to draw.
type Icon struct {
	Name     string
	Size     int
	Maskable bool
}

// Icons are the files genicons writes, in templates/assets.
var Icons = []Icon{
	{"icon-192.png", 192, false},
	{"icon-512.png", 512, false},
	{"icon-maskable-512.png", 512, true},
}

const dir = "templates/assets"

func main() {
	for _, ic := range Icons {
		b, err := Encode(Draw(ic))
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, ic.Name), b, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "genicons:", err)
			os.Exit(1)
		}
	}
}

// Encode writes img as PNG.
func Encode(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img)
	return buf.Bytes(), err
}

// The design, on a 256-unit square: the favicon's 32-unit viewBox times 8.
const (
	grid   = 256
	corner = 48 // rounded-corner radius: the favicon's rx="6"
	stroke = 9  // half the width of a glyph stroke
)

var (
	background = color.NRGBA{0x1f, 0x6f, 0xeb, 0xff} // the favicon's fill
	foreground = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

type point struct{ x, y int64 }
type segment struct{ a, b point }

// glyphs are the strokes of "4xx", before centring.
var glyphs = []segment{
	// 4: the diagonal, the bar and the stem.
	{point{78, 92}, point{36, 150}}, {point{36, 150}, point{100, 150}}, {point{80, 92}, point{80, 176}},
	// x
	{point{118, 120}, point{152, 176}}, {point{152, 120}, point{118, 176}},
	// x
	{point{176, 120}, point{210, 176}}, {point{210, 120}, point{176, 176}},
}

// layout centres the glyphs on the grid, scaled by num/den around the
// centre: a maskable icon keeps them inside the central circle of 80%.
func layout(num, den int64) []segment {
	minX, minY, maxX, maxY := int64(grid), int64(grid), int64(0), int64(0)
	for _, s := range glyphs {
		for _, p := range []point{s.a, s.b} {
			minX, maxX = min(minX, p.x-stroke), max(maxX, p.x+stroke)
			minY, maxY = min(minY, p.y-stroke), max(maxY, p.y+stroke)
		}
	}
	cx, cy := (minX+maxX)/2, (minY+maxY)/2
	out := make([]segment, len(glyphs))
	for i, s := range glyphs {
		f := func(p point) point {
			return point{grid/2 + (p.x-cx)*num/den, grid/2 + (p.y-cy)*num/den}
		}
		out[i] = segment{f(s.a), f(s.b)}
	}
	return out
}

// samples is the supersampling per pixel side: 4x4 samples a pixel.
const samples = 4

// Draw renders an icon. A pixel's coverage is the share of its 16 samples
// inside a shape; sample positions are integers in a space where a grid
// unit is size*samples*2/grid, which is whole for the sizes drawn.
func Draw(ic Icon) *image.NRGBA {
	n := int64(ic.Size * samples * 2) // sample space: two units per sample
	if n%grid != 0 {
		panic(fmt.Sprintf("genicons: size %d does not divide the grid", ic.Size))
	}
	unit := n / grid
	scale := func(v int64) int64 { return v * unit }
	num, den := int64(1), int64(1)
	if ic.Maskable {
		num, den = 4, 5
	}
	var segs []segment
	for _, s := range layout(num, den) {
		segs = append(segs, segment{point{scale(s.a.x), scale(s.a.y)}, point{scale(s.b.x), scale(s.b.y)}})
	}
	r := scale(stroke) * num / den
	rc := scale(corner)
	img := image.NewNRGBA(image.Rect(0, 0, ic.Size, ic.Size))
	for py := 0; py < ic.Size; py++ {
		for px := 0; px < ic.Size; px++ {
			bg, fg := 0, 0
			for sy := 0; sy < samples; sy++ {
				for sx := 0; sx < samples; sx++ {
					p := point{int64((px*samples+sx)*2 + 1), int64((py*samples+sy)*2 + 1)}
					if !ic.Maskable && !inRoundedSquare(p, n, rc) {
						continue
					}
					bg++
					for _, s := range segs {
						if near(p, s, r) {
							fg++
							break
						}
					}
				}
			}
			img.SetNRGBA(px, py, mix(bg, fg))
		}
	}
	return img
}

// mix is the colour of a pixel bg of whose 16 samples are in the
// background and fg of those also in a glyph.
func mix(bg, fg int) color.NRGBA {
	const all = samples * samples
	if bg == 0 {
		return color.NRGBA{}
	}
	ch := func(b, f uint8) uint8 {
		return uint8((int(b)*(bg-fg) + int(f)*fg + bg/2) / bg)
	}
	return color.NRGBA{
		R: ch(background.R, foreground.R), G: ch(background.G, foreground.G), B: ch(background.B, foreground.B),
		A: uint8((255*bg + all/2) / all),
	}
}

// inRoundedSquare reports whether p is inside the n-by-n square with
// corners rounded to radius rc.
func inRoundedSquare(p point, n, rc int64) bool {
	cx := min(max(p.x, rc), n-rc)
	cy := min(max(p.y, rc), n-rc)
	dx, dy := p.x-cx, p.y-cy
	return dx*dx+dy*dy <= rc*rc
}

// near reports whether p is within r of the segment s, in exact integer
// arithmetic: the squared distance to the nearest point of s, scaled by
// the squared length of s, against r squared, scaled the same way.
func near(p point, s segment, r int64) bool {
	vx, vy := s.b.x-s.a.x, s.b.y-s.a.y
	wx, wy := p.x-s.a.x, p.y-s.a.y
	c1 := wx*vx + wy*vy
	c2 := vx*vx + vy*vy
	switch {
	case c1 <= 0 || c2 == 0:
		return wx*wx+wy*wy <= r*r
	case c1 >= c2:
		ex, ey := p.x-s.b.x, p.y-s.b.y
		return ex*ex+ey*ey <= r*r
	}
	return (wx*wx+wy*wy)*c2-c1*c1 <= r*r*c2
}
