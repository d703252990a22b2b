namespace AbsoluteZero.Web;
