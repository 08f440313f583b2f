package conventions

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// vendors are the four packages, each with its fake in <name>/<name>test.
var vendors = []string{"baicells", "telecloud", "alianza", "octane"}

// waiting are the packages with asynchronous operations (orders, jobs).
var waiting = map[string]string{"telecloud": "OrdersService", "alianza": "JobsService", "octane": "OrdersService"}

// api is the exported surface of one package, read from its non-test files.
type api struct {
	name    string
	dir     string
	files   map[string]*ast.File
	types   map[string]*ast.TypeSpec
	funcs   map[string]*ast.FuncDecl
	methods map[string]map[string]*ast.FuncDecl // receiver type → name
	values  map[string]bool                     // exported vars and consts
}

var apis = map[string]*api{}

// load reads the package in dir (relative to the module root).
func load(t *testing.T, dir string) *api {
	t.Helper()
	if a, ok := apis[dir]; ok {
		return a
	}
	root := filepath.Join("..", "..", dir)
	fset := token.NewFileSet()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	a := &api{name: filepath.Base(dir), dir: dir, files: map[string]*ast.File{}, types: map[string]*ast.TypeSpec{},
		funcs: map[string]*ast.FuncDecl{}, methods: map[string]map[string]*ast.FuncDecl{}, values: map[string]bool{}}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(root, n), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		a.files[n] = f
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				if d.Recv == nil {
					a.funcs[d.Name.Name] = d
					continue
				}
				recv := recvName(d.Recv.List[0].Type)
				if a.methods[recv] == nil {
					a.methods[recv] = map[string]*ast.FuncDecl{}
				}
				a.methods[recv][d.Name.Name] = d
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							a.types[s.Name.Name] = s
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								a.values[n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	apis[dir] = a
	return a
}

func recvName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if ix, ok := e.(*ast.IndexExpr); ok {
		e = ix.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// has reports an exported top-level name of any kind.
func (a *api) has(name string) bool {
	return a.types[name] != nil || a.funcs[name] != nil || a.values[name]
}

// sig is a function's type without parameter names, e.g.
// "(context.Context, string, *WaitOptions) (*Order, error)".
func sig(d *ast.FuncDecl) string {
	list := func(fl *ast.FieldList) []string {
		var out []string
		if fl == nil {
			return out
		}
		for _, f := range fl.List {
			n := max(len(f.Names), 1)
			for range n {
				out = append(out, types.ExprString(f.Type))
			}
		}
		return out
	}
	s := "(" + strings.Join(list(d.Type.Params), ", ") + ")"
	switch r := list(d.Type.Results); len(r) {
	case 0:
	case 1:
		s += " " + r[0]
	default:
		s += " (" + strings.Join(r, ", ") + ")"
	}
	return s
}

// fields are a struct type's exported fields and their types.
func (a *api) fields(typ string) map[string]string {
	ts := a.types[typ]
	if ts == nil {
		return nil
	}
	st, ok := ts.Type.(*ast.StructType)
	if !ok {
		return nil
	}
	out := map[string]string{}
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			if n.IsExported() {
				out[n.Name] = types.ExprString(f.Type)
			}
		}
	}
	return out
}

// alias is the right side of "type name = X", "" when name is not an alias.
func (a *api) alias(name string) string {
	ts := a.types[name]
	if ts == nil || !ts.Assign.IsValid() {
		return ""
	}
	return types.ExprString(ts.Type)
}

// importsOf is a file's imports, local name → path.
func importsOf(f *ast.File) map[string]string {
	out := map[string]string{}
	for _, im := range f.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		name := p[strings.LastIndex(p, "/")+1:]
		if im.Name != nil {
			name = im.Name.Name
		}
		out[name] = p
	}
	return out
}

func sorted(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
