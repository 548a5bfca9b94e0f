package render

import (
	"reflect"
	"strings"
	"testing"
)

// TestAPI_StructsMatchSchema keeps the Go types of the JSON API and the
// schema that documents them in step: the same fields, in the same order,
// and required exactly when the encoder always writes them.
func TestAPI_StructsMatchSchema(t *testing.T) {
	for _, tc := range []struct {
		typ    reflect.Type
		fields []apiField
	}{
		{reflect.TypeOf(APICode{}), codeFields},
		{reflect.TypeOf(APIConstant{}), constantFields},
	} {
		var got []string
		for i := 0; i < tc.typ.NumField(); i++ {
			tag := tc.typ.Field(i).Tag.Get("json")
			name, opts, _ := strings.Cut(tag, ",")
			got = append(got, name+map[bool]string{true: "?", false: ""}[opts == "omitempty"])
		}
		var want []string
		for _, f := range tc.fields {
			want = append(want, f.Name+map[bool]string{true: "", false: "?"}[f.Required])
			if f.Description == "" {
				t.Errorf("%s: field %s has no description in the schema", tc.typ.Name(), f.Name)
			}
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s fields:\n%s\nschema (? = optional):\n%s", tc.typ.Name(), strings.Join(got, " "), strings.Join(want, " "))
		}
	}
}
