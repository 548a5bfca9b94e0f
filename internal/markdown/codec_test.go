package markdown

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"testing"
)

// fill sets every field of v, recursively, to a value that is not its zero
// value, so that a field the codec forgets cannot go unnoticed.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fill(v.Field(i), n)
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			fill(s.Index(i), n)
		}
		v.Set(s)
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			fill(v.Index(i), n)
		}
	case reflect.String:
		v.SetString("s" + string(rune('a'+*n%26)))
	case reflect.Int:
		v.SetInt(int64(-*n * 1000))
	case reflect.Uint8:
		v.SetUint(uint64(*n % 251))
	case reflect.Bool:
		v.SetBool(true)
	default:
		panic("fill: unhandled kind " + v.Kind().String())
	}
}

func TestDocumentCodec_RoundTripsEveryField(t *testing.T) {
	var d Document
	n := 0
	fill(reflect.ValueOf(&d).Elem(), &n)
	b, err := d.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Document
	if err := got.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("round trip lost something:\n got %+v\nwant %+v", got, d)
	}
	// nil and empty byte slices stay apart: a released document has no HTML.
	for _, html := range [][]byte{nil, {}} {
		b, _ := (&Document{HTML: html}).MarshalBinary()
		var got Document
		if err := got.UnmarshalBinary(b); err != nil || (got.HTML == nil) != (html == nil) {
			t.Errorf("HTML %#v came back as %#v (%v)", html, got.HTML, err)
		}
	}
}

func TestDocumentCodec_RenderedDocument(t *testing.T) {
	d, err := New().Render([]byte("## Title\n\nA [link](/status/404/) and <b>raw</b>.\n\n```go\npackage main\n```\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := d.MarshalBinary()
	var got Document
	if err := got.UnmarshalBinary(b); err != nil || !reflect.DeepEqual(&got, d) {
		t.Errorf("rendered document does not round-trip: %v", err)
	}
}

// TestDocumentCodec_BadBytesAreErrors: truncated, altered or foreign bytes
// give an error, never a panic or a half-filled document.
func TestDocumentCodec_BadBytesAreErrors(t *testing.T) {
	var d Document
	n := 0
	fill(reflect.ValueOf(&d).Elem(), &n)
	good, _ := d.MarshalBinary()
	for i := 0; i < len(good); i++ {
		var got Document
		if err := got.UnmarshalBinary(good[:i]); err == nil {
			t.Fatalf("truncated to %d of %d bytes: no error", i, len(good))
		}
	}
	if err := new(Document).UnmarshalBinary(append(bytes.Clone(good), 0)); err == nil {
		t.Error("trailing byte: no error")
	}
	other := bytes.Clone(good)
	other[0]++
	if err := new(Document).UnmarshalBinary(other); err == nil {
		t.Error("another version: no error")
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		b := bytes.Clone(good)
		for j := 0; j < 1+r.IntN(4); j++ {
			b[r.IntN(len(b))] = byte(r.IntN(256))
		}
		_ = new(Document).UnmarshalBinary(b) // must not panic
	}
}
