namespace SalesCockpit.Features.Customers;

/// <summary>Marker for the strings of customers, pools and follow-ups (CustomersText.resx, CustomersText.zh-CN.resx).</summary>
public sealed class CustomersText;
